import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { ApiError, api, setCsrfToken, setUnauthorizedListener, unwrap } from '../api/client';
import { queryKeys } from '../api/queries';
import type { Me } from '../api/types';

interface SessionValue {
  /** The signed-in account, or null when nobody is signed in. */
  me: Me | null;
  /** True until the first GET /api/auth/me has answered. */
  isLoading: boolean;
  /** How the last session ended: the user chose 退出, or the server said it had expired. */
  endedBy: 'user' | 'expiry' | null;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

async function fetchMe(): Promise<Me | null> {
  try {
    const session = await unwrap(api.GET('/api/auth/me'));
    setCsrfToken(session.csrfToken);
    return session.account;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({
    queryKey: queryKeys.me,
    queryFn: fetchMe,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

  const [endedBy, setEndedBy] = useState<SessionValue['endedBy']>(null);

  const signedOut = useCallback(() => {
    setCsrfToken(null);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    queryClient.setQueryData(queryKeys.me, null);
  }, [queryClient]);

  useEffect(() => {
    setUnauthorizedListener(() => {
      setEndedBy('expiry');
      signedOut();
    });
    return () => setUnauthorizedListener(null);
  }, [signedOut]);

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
      setCsrfToken(session.csrfToken);
      setEndedBy(null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
      queryClient.setQueryData(queryKeys.me, session.account);
      return session.account;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    setEndedBy('user');
    try {
      await unwrap(api.POST('/api/auth/logout'));
    } finally {
      signedOut();
    }
  }, [signedOut]);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      await unwrap(api.POST('/api/auth/password', { body: { currentPassword, newPassword } }));
      // The server clears mustChangePassword (and may rotate the CSRF token): read both again.
      await queryClient.fetchQuery({ queryKey: queryKeys.me, queryFn: fetchMe });
    },
    [queryClient],
  );

  const value = useMemo<SessionValue>(
    () => ({
      me: meQuery.data ?? null,
      isLoading: meQuery.isPending,
      endedBy,
      login,
      logout,
      changePassword,
    }),
    [meQuery.data, meQuery.isPending, endedBy, login, logout, changePassword],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSession must be used inside SessionProvider');
  }
  return value;
}

/** The signed-in account; only for components rendered behind the login guard. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) {
    throw new Error('useMe used without a signed-in account');
  }
  return me;
}
