import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { PageSpinner } from './components/page-spinner';
import { AppLayout } from './layout/app-layout';

// Every page is its own chunk, loaded when first visited.
const LoginPage = lazy(() => import('./pages/login').then((m) => ({ default: m.LoginPage })));
const ForcedPasswordPage = lazy(() =>
  import('./pages/login/forced-password').then((m) => ({ default: m.ForcedPasswordPage })),
);
const WorkbenchPage = lazy(() =>
  import('./pages/workbench').then((m) => ({ default: m.WorkbenchPage })),
);
const OrgsPage = lazy(() => import('./pages/orgs').then((m) => ({ default: m.OrgsPage })));
const AccountsPage = lazy(() =>
  import('./pages/accounts').then((m) => ({ default: m.AccountsPage })),
);
const AuditPage = lazy(() => import('./pages/audit').then((m) => ({ default: m.AuditPage })));
const MembersPage = lazy(() => import('./pages/members').then((m) => ({ default: m.MembersPage })));
const VillagePage = lazy(() =>
  import('./pages/villages').then((m) => ({ default: m.VillagePage })),
);
const ElectionsPage = lazy(() =>
  import('./pages/elections').then((m) => ({ default: m.ElectionsPage })),
);
const MeetingsPage = lazy(() =>
  import('./pages/meetings').then((m) => ({ default: m.MeetingsPage })),
);
const TrainingPage = lazy(() =>
  import('./pages/training').then((m) => ({ default: m.TrainingPage })),
);
const RecruitmentPage = lazy(() =>
  import('./pages/recruitment').then((m) => ({ default: m.RecruitmentPage })),
);
const DossierPage = lazy(() =>
  import('./pages/recruitment').then((m) => ({ default: m.DossierPage })),
);
const AskPage = lazy(() => import('./pages/ask').then((m) => ({ default: m.AskPage })));
const NotFoundPage = lazy(() =>
  import('./pages/not-found').then((m) => ({ default: m.NotFoundPage })),
);

function RequireSession({ children }: { children: ReactNode }) {
  const { me, isLoading, endedBy } = useSession();
  const location = useLocation();
  if (isLoading) {
    return <PageSpinner />;
  }
  if (!me) {
    const from = location.pathname + location.search;
    // After 退出 the next person starts at the workbench; after an expiry, back where they were.
    const search = from === '/' || endedBy === 'user' ? '' : `?from=${encodeURIComponent(from)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  if (me.mustChangePassword) {
    return (
      <Suspense fallback={<PageSpinner />}>
        <ForcedPasswordPage />
      </Suspense>
    );
  }
  return children;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpinner />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireSession>
              <AppLayout />
            </RequireSession>
          }
        >
          <Route index element={<WorkbenchPage />} />
          <Route path="recruitment">
            <Route index element={<RecruitmentPage />} />
            <Route path="dossiers/:id" element={<DossierPage />} />
          </Route>
          <Route path="members" element={<MembersPage />} />
          <Route path="villages/:id" element={<VillagePage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="training" element={<TrainingPage />} />
          <Route path="elections" element={<ElectionsPage />} />
          <Route path="ask" element={<AskPage />} />
          <Route path="admin">
            <Route index element={<Navigate to="/admin/orgs" replace />} />
            <Route path="orgs" element={<OrgsPage />} />
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="audit" element={<AuditPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
