/** 换届选举: types derived from the generated paths, and the queries and mutations the pages use. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;

export type TermRegister = Json<paths['/api/elections/terms']['get']['responses'][200]>;
export type VillageTerms = TermRegister['items'][number];
export type TermView = VillageTerms['terms'][number];
export type PlanView = Json<paths['/api/elections/plans']['post']['responses'][200]>;
export type PlanInput = Json<NonNullable<paths['/api/elections/plans']['post']['requestBody']>>;
export type TallyResult = Json<paths['/api/elections/tally']['post']['responses'][200]>;
export type RoundView = Json<
  paths['/api/elections/rounds']['get']['responses'][200]
>['items'][number];
export type StepKey = PlanView['steps'][number]['key'];

export const electionKeys = {
  all: ['elections'] as const,
  terms: ['elections', 'terms'] as const,
  rounds: (orgId: number | null) => ['elections', 'rounds', orgId ?? 0] as const,
};

export function useTermRegister() {
  return useQuery({
    queryKey: electionKeys.terms,
    queryFn: () => unwrap(api.GET('/api/elections/terms')),
  });
}

export function useRounds(orgId: number | null) {
  return useQuery({
    queryKey: electionKeys.rounds(orgId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/elections/rounds', {
            params: { query: orgId === null ? {} : { orgId } },
          }),
        )
      ).items,
  });
}

export function useSavePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanInput) => unwrap(api.POST('/api/elections/plans', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.all }),
  });
}

export function useMarkStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { planId: number; step: StepKey; doneOn: string | null }) =>
      unwrap(
        api.POST('/api/elections/plans/{id}/steps', {
          params: { path: { id: v.planId } },
          body: { step: v.step, doneOn: v.doneOn },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.all }),
  });
}

/** Judges a round without saving it. */
export function previewTally(round: Record<string, unknown>): Promise<TallyResult> {
  return unwrap(api.POST('/api/elections/tally', { body: round }));
}

export function useRecordRound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: {
      orgId: number;
      round: Record<string, unknown>;
      post?: RoundPost | null;
      candidatePosts?: Record<string, RoundPost>;
    }) => unwrap(api.POST('/api/elections/rounds', { body: v })),
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.all }),
  });
}

export type CandidateCheckInput = Json<
  NonNullable<paths['/api/elections/candidates/check']['post']['requestBody']>
>;
export type CandidateCheckResult = Json<
  paths['/api/elections/candidates/check']['post']['responses'][200]
>;

/** Party members of one village from the roster (up to 200), to pick candidates from. */
export function useVillageMembers(orgId: number | null) {
  return useQuery({
    queryKey: ['elections', 'members', orgId ?? 0],
    enabled: orgId !== null,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/roster/members', {
            params: { query: { orgId: orgId ?? undefined, page: 1, pageSize: 200 } },
          }),
        )
      ).items,
  });
}

export function checkCandidates(body: CandidateCheckInput): Promise<CandidateCheckResult> {
  return unwrap(api.POST('/api/elections/candidates/check', { body }));
}

export type NegativeItem = Json<
  paths['/api/elections/negative-list']['get']['responses'][200]
>['items'][number];
export type NegativeItemInput = Json<
  NonNullable<paths['/api/elections/negative-list']['post']['requestBody']>
>;
export type NegativeItemPatch = Json<
  NonNullable<paths['/api/elections/negative-list/{key}']['put']['requestBody']>
>;
export type StoredCandidateCheck = Json<
  paths['/api/elections/candidates/checks']['post']['responses'][201]
>;
export type RoundPost = NonNullable<RoundView['posts']['post']>;

const negativeKey = ['elections', 'negative-list'] as const;

/** The county's 负面清单 (all items, active and disabled). */
export function useNegativeItems() {
  return useQuery({
    queryKey: negativeKey,
    queryFn: async () => (await unwrap(api.GET('/api/elections/negative-list'))).items,
  });
}

export function useCreateNegativeItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NegativeItemInput) =>
      unwrap(api.POST('/api/elections/negative-list', { body })),
    onSuccess: (data) => client.setQueryData(negativeKey, data.items),
  });
}

export function useUpdateNegativeItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { key: string; patch: NegativeItemPatch }) =>
      unwrap(
        api.PUT('/api/elections/negative-list/{key}', {
          params: { path: { key: v.key } },
          body: v.patch,
        }),
      ),
    onSuccess: (data) => client.setQueryData(negativeKey, data.items),
  });
}

export function useDeleteNegativeItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) =>
      unwrap(api.DELETE('/api/elections/negative-list/{key}', { params: { path: { key } } })),
    onSuccess: (data) => client.setQueryData(negativeKey, data.items),
  });
}

/** The stored 资格联审 results of one village. */
export function useCandidateChecks(orgId: number | null) {
  return useQuery({
    queryKey: ['elections', 'candidate-checks', orgId ?? 0],
    enabled: orgId !== null,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/elections/candidates/checks', {
            params: { query: { orgId: orgId ?? 0 } },
          }),
        )
      ).items,
  });
}

export function useSaveCandidateCheck() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CandidateCheckInput) =>
      unwrap(api.POST('/api/elections/candidates/checks', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['elections'] }),
  });
}
