/** 知根知底: types derived from the generated paths, and the queries the roster pages use. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type RosterPage = Json<paths['/api/roster/members']['get']['responses'][200]>;
export type RosterRow = RosterPage['items'][number];
export type RosterQuery = NonNullable<paths['/api/roster/members']['get']['parameters']['query']>;
export type MemberDetail = Json<paths['/api/roster/members/{id}']['get']['responses'][200]>;
export type MembershipEvent = MemberDetail['events'][number];
export type EventBody = NonNullable<
  paths['/api/roster/members/{id}/events']['post']['requestBody']
>['content']['application/json'];
export type VillageSummary = Json<
  paths['/api/roster/villages']['get']['responses'][200]
>['items'][number];
export type VillageProfile = Json<paths['/api/roster/villages/{id}']['get']['responses'][200]>;
export type CadrePost = VillageProfile['posts'][number];
export type RosterStatistics = Json<paths['/api/roster/statistics']['get']['responses'][200]>;
export type CountItem = RosterStatistics['away'][number];

export const rosterKeys = {
  all: ['roster'] as const,
  members: (q: RosterQuery) => ['roster', 'members', q] as const,
  member: (id: number) => ['roster', 'member', id] as const,
  villages: ['roster', 'villages'] as const,
  village: (id: number) => ['roster', 'village', id] as const,
  statistics: (orgId: number | undefined) => ['roster', 'statistics', orgId ?? 0] as const,
  options: ['roster', 'options'] as const,
};

export function useRoster(query: RosterQuery) {
  return useQuery({
    queryKey: rosterKeys.members(query),
    queryFn: () => unwrap(api.GET('/api/roster/members', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRosterOptions() {
  return useQuery({
    queryKey: rosterKeys.options,
    queryFn: () => unwrap(api.GET('/api/roster/options')),
    staleTime: Infinity,
  });
}

export function useMember(id: number | null) {
  return useQuery({
    queryKey: rosterKeys.member(id ?? 0),
    queryFn: () =>
      unwrap(api.GET('/api/roster/members/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useVillages() {
  return useQuery({
    queryKey: rosterKeys.villages,
    queryFn: async () => (await unwrap(api.GET('/api/roster/villages'))).items,
  });
}

export function useVillageProfile(id: number) {
  return useQuery({
    queryKey: rosterKeys.village(id),
    queryFn: () => unwrap(api.GET('/api/roster/villages/{id}', { params: { path: { id } } })),
  });
}

export function useRosterStatistics(orgId: number | undefined) {
  return useQuery({
    queryKey: rosterKeys.statistics(orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/roster/statistics', {
          params: { query: orgId === undefined ? {} : { orgId } },
        }),
      ),
  });
}

export function revealIdNumber(id: number) {
  return unwrap(
    api.POST('/api/roster/members/{id}/reveal-id-number', { params: { path: { id } } }),
  );
}

export function recordEvent(id: number, body: EventBody) {
  return unwrap(api.POST('/api/roster/members/{id}/events', { params: { path: { id } }, body }));
}

export type ImportPreview = Json<paths['/api/roster/import/preview']['post']['responses'][200]>;
export type ImportResult = Json<paths['/api/roster/import']['post']['responses'][200]>;

/** Reads a File as base64 (without the data: prefix). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('无法读取文件'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

export function previewImport(fileName: string, contentBase64: string) {
  return unwrap(api.POST('/api/roster/import/preview', { body: { fileName, contentBase64 } }));
}

/** Commits the file previewed under `token` (the server kept it for 30 minutes). */
export function commitImport(token: string) {
  return unwrap(api.POST('/api/roster/import', { body: { token } }));
}

export type OrgCheckReport = Json<paths['/api/roster/checks']['get']['responses'][200]>;
export type OrgCheckFinding = OrgCheckReport['findings'][number];
export type TransferInBody = NonNullable<
  paths['/api/roster/members/transfer-in']['post']['requestBody']
>['content']['application/json'];
export type AppointBody = NonNullable<
  paths['/api/roster/posts']['post']['requestBody']
>['content']['application/json'];
export type ReserveBody = NonNullable<
  paths['/api/roster/reserves']['post']['requestBody']
>['content']['application/json'];

export function useOrgChecks(orgId: number | undefined) {
  return useQuery({
    queryKey: ['roster', 'checks', orgId ?? 0],
    queryFn: () =>
      unwrap(
        api.GET('/api/roster/checks', { params: { query: orgId === undefined ? {} : { orgId } } }),
      ),
  });
}

export function transferIn(body: TransferInBody) {
  return unwrap(api.POST('/api/roster/members/transfer-in', { body }));
}

export function appointPost(body: AppointBody) {
  return unwrap(api.POST('/api/roster/posts', { body }));
}

export function endPost(id: number, body: { endedOn: string; reason: string }) {
  return unwrap(api.POST('/api/roster/posts/{id}/end', { params: { path: { id } }, body }));
}

export function addReserve(body: ReserveBody) {
  return unwrap(api.POST('/api/roster/reserves', { body }));
}

export function removeReserve(id: number) {
  return unwrap(api.DELETE('/api/roster/reserves/{id}', { params: { path: { id } } }));
}

/** The server's upload cap (IMPORT_MAX_BYTES). */
export const IMPORT_MAX_MB = 20;
