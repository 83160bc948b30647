import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn, tsColumns, versionColumn } from './columns.ts';

// 部门: 销售分公司, 技术部, 质管部, 财务部, 售后服务部 ...
export const departments = pgTable(
  'departments',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    parentId: uuid('parent_id'),
    // The head approves archive-access requests and receives escalations for the department.
    headUserId: uuid('head_user_id'),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('departments_code_uq').on(t.code)],
);

// 服务中心: company-run service points that hold engineers and parts stock.
export const serviceCentres = pgTable(
  'service_centres',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    region: text('region'),
    address: text('address'),
    phone: text('phone'),
    headUserId: uuid('head_user_id'),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('service_centres_code_uq').on(t.code)],
);

// 经销商: sells and services in its regions; its users only ever see its own records.
export const dealers = pgTable(
  'dealers',
  {
    id: idColumn(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    regions: text('regions').array().notNull().default(sql`'{}'::text[]`),
    contactName: text('contact_name'),
    phone: text('phone'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    version: versionColumn(),
    ...tsColumns(),
  },
  (t) => [uniqueIndex('dealers_code_uq').on(t.code), index('dealers_name_idx').on(t.name)],
);
