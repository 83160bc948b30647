import { Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { NotFound, PortalTicketRedirect, RequireAuth, RequirePermission } from './components/guards';
import { HomePage } from './pages/home/HomePage';
import { LoginPage } from './pages/login/LoginPage';
import { ChangePasswordPage } from './pages/password/ChangePasswordPage';

// Admin pages are split out: most users (engineers, dealers) never open them.
const UsersPage = lazy(() => import('./pages/admin/users/UsersPage'));
const RolesPage = lazy(() => import('./pages/admin/roles/RolesPage'));
const DepartmentsPage = lazy(() => import('./pages/admin/org/DepartmentsPage'));
const ServiceCentresPage = lazy(() => import('./pages/admin/org/ServiceCentresPage'));
const DealersPage = lazy(() => import('./pages/admin/org/DealersPage'));
const AuditLogPage = lazy(() => import('./pages/admin/audit/AuditLogPage'));
const CustomersPage = lazy(() => import('./pages/customers/CustomersPage'));
const CustomerDetailPage = lazy(() => import('./pages/customers/CustomerDetailPage'));
const ModelsPage = lazy(() => import('./pages/products/ModelsPage'));
const PoliciesPage = lazy(() => import('./pages/products/PoliciesPage'));
const AssetsPage = lazy(() => import('./pages/assets/AssetsPage'));
const AssetDetailPage = lazy(() => import('./pages/assets/AssetDetailPage'));
const AssetPrintPage = lazy(() => import('./pages/assets/AssetPrintPage'));
const ArchiveRequestsPage = lazy(() => import('./pages/archive/ArchiveRequestsPage'));
const ArchiveLogPage = lazy(() => import('./pages/archive/ArchiveLogPage'));
const CustomerReviewsPage = lazy(() => import('./pages/archive/CustomerReviewsPage'));
const TicketsPage = lazy(() => import('./pages/tickets/TicketsPage'));
const TicketPage = lazy(() => import('./pages/tickets/TicketPage'));
const PortalPage = lazy(() => import('./pages/portal/PortalPage'));
const ReportPage = lazy(() => import('./pages/portal/ReportPage'));
const PortalTicketPage = lazy(() => import('./pages/portal/PortalTicketPage'));
const CalendarsPage = lazy(() => import('./pages/sla/CalendarsPage'));
const SlaPoliciesPage = lazy(() => import('./pages/sla/SlaPoliciesPage'));
const RobotsPage = lazy(() => import('./pages/sla/RobotsPage'));
const PartsPage = lazy(() => import('./pages/parts/PartsPage'));
const StockPage = lazy(() => import('./pages/parts/StockPage'));
const StockLocationsPage = lazy(() => import('./pages/parts/StockLocationsPage'));
const StockingPlansPage = lazy(() => import('./pages/parts/StockingPlansPage'));
const PriceListsPage = lazy(() => import('./pages/parts/PriceListsPage'));
const OldPartReturnsPage = lazy(() => import('./pages/parts/OldPartReturnsPage'));
const DispatchBoardPage = lazy(() => import('./pages/dispatch/DispatchBoardPage'));
const WorkOrdersPage = lazy(() => import('./pages/work-orders/WorkOrdersPage'));
const WorkOrderPage = lazy(() => import('./pages/work-orders/WorkOrderPage'));
const OpenPaperworkPage = lazy(() => import('./pages/work-orders/OpenPaperworkPage'));
const FeedbackListPage = lazy(() => import('./pages/work-orders/FeedbackListPage'));
const EngineersPage = lazy(() => import('./pages/engineers/EngineersPage'));
const MobileListPage = lazy(() => import('./pages/mobile/MobileListPage'));
const MobileWorkOrderPage = lazy(() => import('./pages/mobile/MobileWorkOrderPage'));
const VisitsPage = lazy(() => import('./pages/followups/VisitsPage'));
const SurveysPage = lazy(() => import('./pages/surveys/SurveysPage'));
const SurveyPage = lazy(() => import('./pages/surveys/SurveyPage'));
// The customer's survey answer page: no login, no menu.
const SurveyAnswerPage = lazy(() => import('./pages/public/SurveyAnswerPage'));
const ComplaintsPage = lazy(() => import('./pages/complaints/ComplaintsPage'));
const ComplaintPage = lazy(() => import('./pages/complaints/ComplaintPage'));
const SuggestionsPage = lazy(() => import('./pages/complaints/SuggestionsPage'));
const ReturnsPage = lazy(() => import('./pages/returns/ReturnsPage'));
const ReturnPage = lazy(() => import('./pages/returns/ReturnPage'));
const ReturnPrintPage = lazy(() => import('./pages/returns/ReturnPrintPage'));
const PickupCitiesPage = lazy(() => import('./pages/returns/PickupCitiesPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage'));
const ReportRunPage = lazy(() => import('./pages/reports/ReportRunPage'));

// Same visibility rule as the menu (see nav.tsx), so a typed URL cannot reach a hidden page.
const guarded = (path: string, page: ReactNode) => ({
  path: path.slice(1),
  element: <RequirePermission path={path}>{page}</RequirePermission>,
});

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Outside RequireAuth: a user who must change the password is sent here and may open nothing else.
  { path: '/password', element: <ChangePasswordPage /> },
  {
    path: '/s/:token',
    element: (
      <Suspense fallback={<Spin fullscreen />}>
        <SurveyAnswerPage />
      </Suspense>
    ),
  },
  // Print views: signed in and permission-checked like any page, but without the menu and header.
  {
    // Pathless, so it never matches "/" on its own and steals the home page.
    element: <RequireAuth bare />,
    children: [
      guarded('/assets/:id/print', <AssetPrintPage />),
      guarded('/returns/:id/print', <ReturnPrintPage />),
    ],
  },
  // The engineer's phone view: signed in, no side menu (MobileShell draws its own slim header).
  {
    element: <RequireAuth bare />,
    children: [guarded('/m', <MobileListPage />), guarded('/m/work-orders/:id', <MobileWorkOrderPage />)],
  },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomePage /> },
      guarded('/tickets', <TicketsPage />),
      {
        path: 'tickets/:id',
        element: (
          <PortalTicketRedirect>
            <RequirePermission path="/tickets/:id">
              <TicketPage />
            </RequirePermission>
          </PortalTicketRedirect>
        ),
      },
      guarded('/portal', <PortalPage />),
      guarded('/portal/report', <ReportPage />),
      guarded('/portal/tickets/:id', <PortalTicketPage />),
      guarded('/dispatch', <DispatchBoardPage />),
      guarded('/work-orders', <WorkOrdersPage />),
      guarded('/work-orders/open-paperwork', <OpenPaperworkPage />),
      guarded('/work-orders/:id', <WorkOrderPage />),
      guarded('/field-feedback', <FeedbackListPage />),
      guarded('/engineers', <EngineersPage />),
      guarded('/parts', <PartsPage />),
      guarded('/stock', <StockPage />),
      guarded('/stock-locations', <StockLocationsPage />),
      guarded('/stocking-plans', <StockingPlansPage />),
      guarded('/price-lists', <PriceListsPage />),
      guarded('/old-part-returns', <OldPartReturnsPage />),
      guarded('/follow-up-visits', <VisitsPage />),
      guarded('/surveys', <SurveysPage />),
      guarded('/surveys/:id', <SurveyPage />),
      guarded('/complaints', <ComplaintsPage />),
      guarded('/complaints/:id', <ComplaintPage />),
      guarded('/improvement-suggestions', <SuggestionsPage />),
      guarded('/returns', <ReturnsPage />),
      guarded('/returns/:id', <ReturnPage />),
      guarded('/dashboard', <DashboardPage />),
      guarded('/reports', <ReportsPage />),
      guarded('/reports/:id', <ReportRunPage />),
      guarded('/customers', <CustomersPage />),
      guarded('/customers/:id', <CustomerDetailPage />),
      guarded('/assets', <AssetsPage />),
      guarded('/assets/:id', <AssetDetailPage />),
      guarded('/products/models', <ModelsPage />),
      guarded('/products/policies', <PoliciesPage />),
      guarded('/archive-requests', <ArchiveRequestsPage />),
      guarded('/archive-log', <ArchiveLogPage />),
      guarded('/customer-reviews', <CustomerReviewsPage />),
      guarded('/admin/users', <UsersPage />),
      guarded('/admin/roles', <RolesPage />),
      guarded('/admin/departments', <DepartmentsPage />),
      guarded('/admin/service-centres', <ServiceCentresPage />),
      guarded('/admin/dealers', <DealersPage />),
      guarded('/admin/calendars', <CalendarsPage />),
      guarded('/admin/sla-policies', <SlaPoliciesPage />),
      guarded('/admin/robots', <RobotsPage />),
      guarded('/admin/return-pickup-cities', <PickupCitiesPage />),
      guarded('/admin/audit-log', <AuditLogPage />),
      { path: '*', element: <NotFound /> },
    ],
  },
]);
