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
    mutationFn: (v: { orgId: number; round: Record<string, unknown> }) =>
      unwrap(api.POST('/api/elections/rounds', { body: v })),
    onSuccess: () => client.invalidateQueries({ queryKey: electionKeys.all }),
  });
}

export type CandidateCheckInput = Json<
  NonNullable<paths['/api/elections/candidates/check']['post']['requestBody']>
>;
export type CandidateCheckResult = Json<
  paths['/api/elections/candidates/check']['post']['responses'][200]
>;

export function useNegativeList() {
  return useQuery({
    queryKey: ['elections', 'negative-list'],
    queryFn: async () => (await unwrap(api.GET('/api/elections/negative-list'))).items,
    staleTime: Infinity,
  });
}

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
