import type { Executor } from '../../db/client.ts';
import type { DrillTarget } from '../../domain/reports/drill-keys.ts';
import { assertUnreachable } from '../../platform/errors.ts';
import type { Filter } from './dashboard-dal.ts';
import {
  backlogRecords,
  type DrillRecord,
  ftfRecords,
  mttrRecords,
  type Page,
  slaRecords,
} from './records-dal.ts';
import {
  complaintRecords,
  costOrderRecords,
  costPartRecords,
  partRecords,
  repeatPartRecords,
  repeatTicketRecords,
  satisfactionRecords,
} from './records-more-dal.ts';

/** The query for a parsed drill-down key (the filter is already narrowed to the key's month). */
const query = (tx: Executor, f: Filter, t: DrillTarget, p: Page) => {
  switch (t.figure) {
    case 'sla':
      return slaRecords(tx, f, t, p);
    case 'backlog':
      return backlogRecords(tx, f, t, p);
    case 'ftf':
      return ftfRecords(tx, f, p);
    case 'mttr':
      return mttrRecords(tx, f, t.what, p);
    case 'repeats':
      return t.partId
        ? repeatPartRecords(tx, f, { assetId: t.assetId, partId: t.partId }, p)
        : repeatTicketRecords(tx, f, t.assetId, p);
    case 'cost':
      return t.dimension === 'part'
        ? costPartRecords(tx, f, t.id!, p)
        : costOrderRecords(tx, f, { dimension: t.dimension, id: t.id }, p);
    case 'parts':
      return partRecords(tx, f, t.partId, p);
    case 'satisfaction':
      return satisfactionRecords(tx, f, t.source, p);
    case 'complaints':
      return complaintRecords(tx, f, t.cause, p);
    default:
      return assertUnreachable(t);
  }
};

const dto = (r: DrillRecord) => ({ ...r, at: r.at?.toISOString() ?? null });

export const drillRecords = async (tx: Executor, f: Filter, t: DrillTarget, p: Page) => {
  const page = await query(tx, f, t, p);
  return { ...page, items: page.items.map(dto) };
};
