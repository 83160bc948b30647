import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext } from 'react';
import { authApi } from '../api/endpoints';
import type { Me, PermissionCode } from '../api/types';

export const ME_KEY = ['me'] as const;

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: authApi.me, retry: false, staleTime: 5 * 60_000 });
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** Only valid below the authenticated layout, which does not render until /api/auth/me has answered. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe used outside an authenticated route');
  return me;
}

export function useCan(): (permission: PermissionCode) => boolean {
  const me = useMe();
  return useCallback((permission: PermissionCode) => me.permissions.includes(permission), [me]);
}

/** After login, logout or a lapsed session nothing cached may leak into the next user's view. */
export function useResetSession(): (me: Me | null) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (me: Me | null) => {
      queryClient.clear();
      if (me) queryClient.setQueryData(ME_KEY, me);
    },
    [queryClient],
  );
}
