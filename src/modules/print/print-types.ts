import type { AssetsService } from '../assets/index.ts';
import type { TicketDto } from '../tickets/index.ts';
import type { WorkOrderDto, WorkOrderSummaryDto } from '../work-orders/index.ts';

// What the form templates are given: the services' own DTOs, so a form shows exactly what the API
// shows the same user (same scope, same customer view).

export type { TicketDto, WorkOrderDto, WorkOrderSummaryDto };
export type AssetDto = Awaited<ReturnType<AssetsService['get']>>;
export type WarrantyDto = Awaited<ReturnType<AssetsService['entitlement']>>;

/** Who printed and when: the footer of every form. */
export type PrintMeta = { printedAt: Date; printedBy: string };

/** One work order with what its forms need around it. */
export type OrderForm = PrintMeta & {
  order: WorkOrderDto;
  /** null when the user may not read the ticket (the form then shows the order's own task). */
  ticket: TicketDto | null;
  /** The customer's signature as a data: URL, so a saved HTML file and the PDF carry it. */
  signature: string | null;
};

/** A rendered form: its title names the PDF file. */
export type PrintedForm = { title: string; number: string; html: string };
