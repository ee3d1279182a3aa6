import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { api, errorMessage, unwrap } from '../../../api/client';
import { queryKeys } from '../../../api/queries';
import type { Org, OrgKind, OrgKindInfo } from '../../../api/types';
import { t, tOr } from '../../../locales';
import { CreateOrgModal } from './create-org-modal';
import { MoveOrgModal } from './move-org-modal';
import { RenameOrgModal } from './rename-org-modal';

type OpenModal = 'create' | 'rename' | 'move' | null;

export function kindLabel(kind: OrgKind, kinds: readonly OrgKindInfo[]): string {
  return tOr(`org.kind.${kind}`, kinds.find((info) => info.kind === kind)?.label ?? kind);
}

export function OrgDetail({
  org,
  orgs,
  kinds,
  editable,
  isScopeRoot,
  onCreated,
  onRemoved,
  onMoved,
}: {
  org: Org;
  orgs: readonly Org[];
  kinds: readonly OrgKindInfo[];
  editable: boolean;
  isScopeRoot: boolean;
  onCreated: (created: Org, list: readonly Org[]) => void;
  onRemoved: (removed: Org) => void;
  onMoved: (moved: Org, list: readonly Org[]) => void;
}) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [openModal, setOpenModal] = useState<OpenModal>(null);
  const allowedChildren = kinds.find((info) => info.kind === org.kind)?.allowedChildren ?? [];
  const parent = orgs.find((candidate) => candidate.id === org.parentId);
  const pathNames = org.path
    ? orgs.filter((candidate) => org.path.startsWith(candidate.path)).map((o) => o.name)
    : [];

  /** Reloads the tree and returns the fresh list, so the caller can reveal a changed org. */
  const reload = async (): Promise<Org[]> => {
    await queryClient.invalidateQueries({ queryKey: queryKeys.orgs });
    return queryClient.getQueryData<Org[]>(queryKeys.orgs) ?? [];
  };

  const dissolve = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/orgs/{id}', { params: { path: { id: org.id } } })),
    onSuccess: async () => {
      message.success(t('org.dissolve.done', { name: org.name }));
      await reload();
      onRemoved(org);
    },
    onError: (error) => {
      message.error(errorMessage(error));
    },
  });

  return (
    <div>
      <Descriptions
        column={1}
        bordered
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'name', label: t('org.field.name'), children: <strong>{org.name}</strong> },
          {
            key: 'kind',
            label: t('org.field.kind'),
            children: <Tag>{tOr(`org.kind.${org.kind}`, org.kindLabel)}</Tag>,
          },
          {
            key: 'parent',
            label: t('org.field.parent'),
            children:
              parent?.name ??
              (org.parentId === null ? t('common.none') : t('org.field.parentOutOfScope')),
          },
          {
            key: 'path',
            label: t('org.field.path'),
            children: pathNames.length > 1 ? pathNames.join(' › ') : org.name,
          },
          { key: 'areaCode', label: t('org.field.areaCode'), children: org.areaCode },
          { key: 'childCount', label: t('org.field.childCount'), children: org.childCount },
          { key: 'memberCount', label: t('org.field.memberCount'), children: org.memberCount },
        ]}
      />
      {editable ? (
        <Space wrap style={{ marginTop: 16 }}>
          <Tooltip
            title={
              allowedChildren.length === 0
                ? t('org.create.noChildKinds', { kind: kindLabel(org.kind, kinds) })
                : undefined
            }
          >
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={allowedChildren.length === 0}
              onClick={() => setOpenModal('create')}
            >
              {t('org.action.create')}
            </Button>
          </Tooltip>
          <Button icon={<EditOutlined />} onClick={() => setOpenModal('rename')}>
            {t('org.action.rename')}
          </Button>
          <Button
            icon={<DragOutlined />}
            disabled={isScopeRoot}
            onClick={() => setOpenModal('move')}
          >
            {t('org.action.move')}
          </Button>
          <Popconfirm
            title={t('org.dissolve.confirmTitle', { name: org.name })}
            description={t('org.dissolve.confirmBody')}
            okText={t('org.action.dissolve')}
            okButtonProps={{ danger: true, loading: dissolve.isPending }}
            cancelText={t('common.cancel')}
            disabled={isScopeRoot}
            onConfirm={() => dissolve.mutateAsync().catch(() => undefined)}
          >
            <Tooltip title={isScopeRoot ? t('org.dissolve.root') : undefined}>
              <Button danger icon={<DeleteOutlined />} disabled={isScopeRoot}>
                {t('org.action.dissolve')}
              </Button>
            </Tooltip>
          </Popconfirm>
        </Space>
      ) : null}
      <CreateOrgModal
        open={openModal === 'create'}
        parent={org}
        allowedKinds={allowedChildren}
        kinds={kinds}
        onClose={() => setOpenModal(null)}
        onCreated={async (created) => onCreated(created, await reload())}
      />
      <RenameOrgModal
        open={openModal === 'rename'}
        org={org}
        onClose={() => setOpenModal(null)}
        onRenamed={async () => {
          await reload();
        }}
      />
      <MoveOrgModal
        open={openModal === 'move'}
        org={org}
        orgs={orgs}
        kinds={kinds}
        onClose={() => setOpenModal(null)}
        onMoved={async (moved) => onMoved(moved, await reload())}
      />
    </div>
  );
}
