/** 发展党员: types derived from the generated paths, and the queries the pages use. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type Pipeline = Json<paths['/api/recruitment/pipeline']['get']['responses'][200]>;
export type PipelineItem = Pipeline['items'][number];
export type Stage = PipelineItem['stage'];
export type DossierDetail = Json<paths['/api/recruitment/dossiers/{id}']['get']['responses'][200]>;
export type StepView = DossierDetail['steps'][number];
export type StepKey = StepView['step'];
export type Finding = DossierDetail['findings'][number];
export type StepPreview = Json<
  paths['/api/recruitment/dossiers/{id}/preview']['post']['responses'][200]
>;
export type HistoryItem = Json<
  paths['/api/recruitment/dossiers/{id}/history']['get']['responses'][200]
>['items'][number];
export type MemberChoice = Json<
  paths['/api/recruitment/members']['get']['responses'][200]
>['items'][number];
export type CalendarData = Json<paths['/api/recruitment/calendar']['get']['responses'][200]>;
export type BackdatingReport = Json<paths['/api/recruitment/backdating']['get']['responses'][200]>;
export type CreateDossierBody = NonNullable<
  paths['/api/recruitment/dossiers']['post']['requestBody']
>['content']['application/json'];
export type DocumentKind = 'notice' | 'resolution' | 'record' | 'checklist';

export interface PipelineQuery {
  orgId?: number | undefined;
  stage?: Stage | undefined;
  q?: string | undefined;
  problemsOnly?: boolean | undefined;
}

export const recruitmentKeys = {
  all: ['recruitment'] as const,
  pipeline: (q: PipelineQuery) => ['recruitment', 'pipeline', q] as const,
  dossier: (id: number) => ['recruitment', 'dossier', id] as const,
  history: (id: number) => ['recruitment', 'history', id] as const,
  calendar: (days: number) => ['recruitment', 'calendar', days] as const,
  backdating: ['recruitment', 'backdating'] as const,
  members: (q: string) => ['recruitment', 'members', q] as const,
};

export function usePipeline(q: PipelineQuery) {
  return useQuery({
    queryKey: recruitmentKeys.pipeline(q),
    queryFn: () =>
      unwrap(
        api.GET('/api/recruitment/pipeline', {
          params: {
            query: {
              ...(q.orgId === undefined ? {} : { orgId: q.orgId }),
              ...(q.stage === undefined ? {} : { stage: q.stage }),
              ...(q.q ? { q: q.q } : {}),
              ...(q.problemsOnly ? { problemsOnly: 'true' as const } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDossier(id: number) {
  return useQuery({
    queryKey: recruitmentKeys.dossier(id),
    queryFn: () => unwrap(api.GET('/api/recruitment/dossiers/{id}', { params: { path: { id } } })),
  });
}

export function useDossierHistory(id: number) {
  return useQuery({
    queryKey: recruitmentKeys.history(id),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/recruitment/dossiers/{id}/history', { params: { path: { id } } }),
        )
      ).items,
  });
}

export function useCalendar(days: number) {
  return useQuery({
    queryKey: recruitmentKeys.calendar(days),
    queryFn: () => unwrap(api.GET('/api/recruitment/calendar', { params: { query: { days } } })),
    placeholderData: keepPreviousData,
  });
}

export function useBackdatingReport() {
  return useQuery({
    queryKey: recruitmentKeys.backdating,
    queryFn: () => unwrap(api.GET('/api/recruitment/backdating')),
  });
}

export function useMembers(q: string) {
  return useQuery({
    queryKey: recruitmentKeys.members(q),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/recruitment/members', { params: { query: q === '' ? {} : { q } } }),
        )
      ).items,
    placeholderData: keepPreviousData,
  });
}

/** Where the browser downloads a document from (a plain link: the session cookie goes along). */
export function documentUrl(id: number, kind: DocumentKind, start?: string): string {
  const query = start === undefined ? '' : `?start=${encodeURIComponent(start)}`;
  return `/api/recruitment/dossiers/${id}/documents/${kind}${query}`;
}

export type AnnualPlan = Json<paths['/api/recruitment/plan']['get']['responses'][200]>;

export function useAnnualPlan(year: number) {
  return useQuery({
    queryKey: ['recruitment', 'plan', year] as const,
    queryFn: () => unwrap(api.GET('/api/recruitment/plan', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}
