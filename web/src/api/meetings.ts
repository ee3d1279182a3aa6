/** Requests of 组织生活 and 学习培训, typed from the generated OpenAPI schema. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

export type ComplianceReport =
  paths['/api/compliance']['get']['responses'][200]['content']['application/json'];
export type BranchRow = ComplianceReport['branches'][number];
export type ComplianceCell = BranchRow['cells'][number];
export type PersonStudy = BranchRow['study'][number];
export type MeetingSummary =
  paths['/api/meetings']['get']['responses'][200]['content']['application/json']['items'][number];
export type MeetingDetail =
  paths['/api/meetings/{id}']['get']['responses'][200]['content']['application/json'];
export type MeetingInput = NonNullable<
  paths['/api/meetings']['post']['requestBody']
>['content']['application/json'];
export type MeetingKind = MeetingInput['kind'];
export type BranchMembers =
  paths['/api/meetings/branches/{id}']['get']['responses'][200]['content']['application/json'];
export type ClassSummary =
  paths['/api/training/classes']['get']['responses'][200]['content']['application/json']['items'][number];
export type ClassDetail =
  paths['/api/training/classes/{id}']['get']['responses'][200]['content']['application/json'];
export type ClassInput = NonNullable<
  paths['/api/training/classes']['post']['requestBody']
>['content']['application/json'];

export const meetingKeys = {
  compliance: (year: number, orgId?: number) => ['compliance', year, orgId ?? null] as const,
  meetings: (filter: Record<string, unknown>) => ['meetings', filter] as const,
  meeting: (id: number) => ['meetings', 'one', id] as const,
  branch: (id: number) => ['meetings', 'branch', id] as const,
  classes: (year?: number) => ['training', 'classes', year ?? null] as const,
  cls: (id: number) => ['training', 'class', id] as const,
};

export function useCompliance(year: number, orgId?: number) {
  return useQuery({
    queryKey: meetingKeys.compliance(year, orgId),
    queryFn: () =>
      unwrap(
        api.GET('/api/compliance', { params: { query: { year, ...(orgId ? { orgId } : {}) } } }),
      ),
    placeholderData: keepPreviousData,
  });
}

export interface MeetingFilter {
  orgId?: number;
  year?: number;
  from?: string;
  to?: string;
  kind?: MeetingKind;
}

export function useMeetings(filter: MeetingFilter, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.meetings({ ...filter }),
    queryFn: async () =>
      (await unwrap(api.GET('/api/meetings', { params: { query: filter } }))).items,
    enabled,
  });
}

export function useMeeting(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.meeting(id ?? 0),
    queryFn: () => unwrap(api.GET('/api/meetings/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useBranchMembers(id: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.branch(id ?? 0),
    queryFn: () =>
      unwrap(api.GET('/api/meetings/branches/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
  });
}

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingInput) => unwrap(api.POST('/api/meetings', { body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['meetings'] });
      await client.invalidateQueries({ queryKey: ['compliance'] });
    },
  });
}

export function useDeleteMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) =>
      unwrap(api.DELETE('/api/meetings/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['meetings'] });
      await client.invalidateQueries({ queryKey: ['compliance'] });
    },
  });
}

export function useClasses(year?: number) {
  return useQuery({
    queryKey: meetingKeys.classes(year),
    queryFn: async () =>
      (await unwrap(api.GET('/api/training/classes', { params: { query: year ? { year } : {} } })))
        .items,
  });
}

export function useClass(id: number | null) {
  return useQuery({
    queryKey: meetingKeys.cls(id ?? 0),
    queryFn: () =>
      unwrap(api.GET('/api/training/classes/{id}', { params: { path: { id: id ?? 0 } } })),
    enabled: id !== null,
  });
}

export function useCreateClass() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassInput) => unwrap(api.POST('/api/training/classes', { body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['training'] });
    },
  });
}

export function useRecordAttendance(classId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { sessionId: number; attendees: { personId: number; hours?: number }[] }) =>
      unwrap(
        api.PUT('/api/training/classes/{id}/sessions/{sessionId}/attendance', {
          params: { path: { id: classId, sessionId: v.sessionId } },
          body: { attendees: v.attendees },
        }),
      ),
    onSuccess: async (data) => {
      client.setQueryData(meetingKeys.cls(classId), data);
      await client.invalidateQueries({ queryKey: ['training', 'classes'] });
      await client.invalidateQueries({ queryKey: ['compliance'] });
    },
  });
}

/** Imports trainees from an .xlsx file (base64): all or nothing. */
export function useImportTrainees(classId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { fileName: string; contentBase64: string }) =>
      unwrap(
        api.POST('/api/training/classes/{id}/trainees/import', {
          params: { path: { id: classId } },
          body: v,
        }),
      ),
    onSuccess: async (data) => {
      client.setQueryData(meetingKeys.cls(classId), data.cls);
      await client.invalidateQueries({ queryKey: ['training', 'classes'] });
    },
  });
}

export function useExemption() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (v: { personId: number; reason: string | null }) => {
      if (v.reason === null) {
        await unwrap(
          api.DELETE('/api/study-exemptions/{personId}', {
            params: { path: { personId: v.personId } },
          }),
        );
      } else {
        await unwrap(
          api.POST('/api/study-exemptions', { body: { personId: v.personId, reason: v.reason } }),
        );
      }
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['compliance'] });
    },
  });
}

/** Starts a file download from a GET url (the session cookie goes along). */
export function download(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
