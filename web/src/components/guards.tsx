import { Button, Result, Spin } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { errorText } from '../lib/errors';
import { MeProvider, useMe, useMeQuery } from '../lib/session';
import { AppLayout } from './AppLayout';
import { canSee, entryFor } from './nav';

/**
 * Everything except /login sits below this: no page renders until we know who the user is.
 * `bare` skips the menu and header, for print views that must show only the document.
 */
export function RequireAuth({ bare = false }: { bare?: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMeQuery();

  if (me.isPending) return <Spin fullscreen />;
  if (me.isError || !me.data) {
    if (me.error instanceof ApiError && me.error.status === 401) {
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    }
    return (
      <Result
        status="error"
        title={errorText(t, me.error)}
        extra={<Button onClick={() => void me.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  // The server refuses everything else until then (403 password_change_required).
  if (me.data.mustChangePassword) {
    return <Navigate to="/password" replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <MeProvider me={me.data}>
      {bare ? (
        <Suspense fallback={<Spin fullscreen />}>
          <Outlet />
        </Suspense>
      ) : (
        <AppLayout />
      )}
    </MeProvider>
  );
}

function BackHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.back')}
    </Button>
  );
}

/** The menu already hides what a role cannot use; this covers typed or bookmarked URLs. */
export function RequirePermission({ path, children }: { path: string; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const entry = entryFor(path);
  if (entry && canSee(entry, me)) return children;
  return <Result status="403" title="403" subTitle={t('common.forbidden')} extra={<BackHome />} />;
}

export function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<BackHome />} />;
}

/**
 * Links to a ticket (notifications, e-mails) name the staff page; a customer opening one lands on
 * the portal's view of the same ticket instead of a 403.
 */
export function PortalTicketRedirect({ children }: { children: ReactNode }) {
  const me = useMe();
  const { id = '' } = useParams();
  if (me.role.scope === 'customer')
    return <Navigate to={`/portal/tickets/${encodeURIComponent(id)}`} replace />;
  return children;
}
