import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

export const queryKeys = {
  me: ['auth', 'me'] as const,
  orgs: ['orgs'] as const,
  orgKinds: ['orgs', 'kinds'] as const,
  accounts: ['accounts'] as const,
  roles: ['roles'] as const,
  audit: (page: number, pageSize: number) => ['audit', page, pageSize] as const,
};

export function useOrgs() {
  return useQuery({
    queryKey: queryKeys.orgs,
    queryFn: async () => (await unwrap(api.GET('/api/orgs'))).items,
  });
}

export function useOrgKinds() {
  return useQuery({
    queryKey: queryKeys.orgKinds,
    queryFn: async () => (await unwrap(api.GET('/api/orgs/kinds'))).items,
    staleTime: Infinity,
  });
}

export function useAccounts() {
  return useQuery({
    queryKey: queryKeys.accounts,
    queryFn: async () => (await unwrap(api.GET('/api/accounts'))).items,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: queryKeys.roles,
    queryFn: async () => (await unwrap(api.GET('/api/roles'))).items,
    staleTime: Infinity,
  });
}

export function useAuditPage(page: number, pageSize: number) {
  return useQuery({
    queryKey: queryKeys.audit(page, pageSize),
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query: { page, pageSize } } })),
    placeholderData: (previous) => previous,
  });
}
