/**
 * Requests of the 问不倒 page: the handbook, one rule or question, search and the calculators.
 * Types come from the generated OpenAPI paths.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

type Ok<P extends keyof paths> = paths[P]['get'] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Query<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type Handbook = Ok<'/api/handbook'>;
export type HandbookRule = Handbook['rules'][number];
export type HandbookAnswer = Handbook['questions'][number];
export type Citation = HandbookRule['citations'][number];
export type RuleDetail = Ok<'/api/handbook/rules/{id}'>;
export type QuestionDetail = Ok<'/api/handbook/questions/{id}'>;
export type SearchResult = Ok<'/api/handbook/search'>;
export type TextSegment = SearchResult['hits'][number]['title'][number];
export type DuesResult = Ok<'/api/handbook/dues'>;
export type DuesQuery = Query<'/api/handbook/dues'>;
export type MembershipAgeResult = Ok<'/api/handbook/membership-age'>;
export type MembershipAgeQuery = Query<'/api/handbook/membership-age'>;
export type WorkdaysResult = Ok<'/api/handbook/workdays'>;
export type WorkdaysQuery = Query<'/api/handbook/workdays'>;
export type PlanResult = Ok<'/api/handbook/plan'>;

const key = ['handbook'] as const;

export function useHandbook() {
  return useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/handbook')),
    staleTime: Infinity,
  });
}

export function useRuleDetail(id: string | null) {
  return useQuery({
    queryKey: [...key, 'rule', id],
    queryFn: () =>
      unwrap(api.GET('/api/handbook/rules/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

export function useQuestionDetail(id: string | null) {
  return useQuery({
    queryKey: [...key, 'question', id],
    queryFn: () =>
      unwrap(api.GET('/api/handbook/questions/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: id !== null,
    staleTime: Infinity,
  });
}

export function useHandbookSearch(q: string) {
  return useQuery({
    queryKey: [...key, 'search', q],
    queryFn: () => unwrap(api.GET('/api/handbook/search', { params: { query: { q } } })),
    enabled: q !== '',
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useDues(query: DuesQuery | null) {
  return useQuery({
    queryKey: [...key, 'dues', query],
    queryFn: () => unwrap(api.GET('/api/handbook/dues', { params: { query: query ?? {} } })),
    enabled: query !== null,
    retry: false,
  });
}

export function useMembershipAge(query: MembershipAgeQuery | null) {
  return useQuery({
    queryKey: [...key, 'membership-age', query],
    queryFn: () =>
      unwrap(api.GET('/api/handbook/membership-age', { params: { query: query ?? {} } })),
    enabled: query !== null,
    retry: false,
  });
}

export function useWorkdays(query: WorkdaysQuery | null) {
  return useQuery({
    queryKey: [...key, 'workdays', query],
    queryFn: () => unwrap(api.GET('/api/handbook/workdays', { params: { query: query ?? {} } })),
    enabled: query !== null,
    retry: false,
  });
}

export function usePlan(from: string | null) {
  return useQuery({
    queryKey: [...key, 'plan', from],
    queryFn: () =>
      unwrap(api.GET('/api/handbook/plan', { params: { query: { from: from ?? '' } } })),
    enabled: from !== null,
    retry: false,
  });
}

export type ElectionThresholdsResult = Ok<'/api/handbook/election-thresholds'>;
export type ElectionThresholdsQuery = Query<'/api/handbook/election-thresholds'>;
export type TermDatesResult = Ok<'/api/handbook/term-dates'>;

export function useElectionThresholds(query: ElectionThresholdsQuery | null) {
  return useQuery({
    queryKey: [...key, 'election-thresholds', query],
    queryFn: () =>
      unwrap(api.GET('/api/handbook/election-thresholds', { params: { query: query ?? {} } })),
    enabled: query !== null,
    retry: false,
  });
}

export function useTermDates(termStart: string | null) {
  return useQuery({
    queryKey: [...key, 'term-dates', termStart],
    queryFn: () =>
      unwrap(
        api.GET('/api/handbook/term-dates', { params: { query: { termStart: termStart ?? '' } } }),
      ),
    enabled: termStart !== null,
    retry: false,
  });
}
