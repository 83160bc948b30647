import { type TLiteral, type TUnion, Type } from '@sinclair/typebox';
import { Nullable, Text, Timestamp, Uuid, Version } from '../../platform/schemas.ts';

export const METRICS = ['firstResponse', 'arrange', 'onsite', 'resolve'] as const;
export type Metric = (typeof METRICS)[number];
export const TICKET_TYPES = [
  'consultation',
  'repair',
  'installation',
  'training',
  'maintenance',
  'return',
  'complaint',
] as const;
export const CHANNELS = ['phone', 'email', 'web', 'letter', 'visit', 'im'] as const;
export const GRADES = ['A', 'B', 'C', 'D'] as const;

const lit = <const T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<TLiteral<T[number]>[]>;
export const MetricSchema = lit(METRICS);

export const AppliesTo = Type.Object(
  {
    types: Type.Array(lit(TICKET_TYPES), { uniqueItems: true }),
    channels: Type.Array(lit(CHANNELS), { uniqueItems: true }),
    grades: Type.Optional(Type.Array(lit(GRADES), { uniqueItems: true })),
    urgent: Type.Optional(Nullable(Type.Boolean())),
  },
  { additionalProperties: false },
);

const Target = Type.Object(
  {
    metric: MetricSchema,
    minutes: Type.Integer({ minimum: 1, maximum: 525_600 }),
    clause: Type.Optional(Nullable(Text(100))),
  },
  { additionalProperties: false },
);

const Escalation = Type.Object(
  {
    metric: MetricSchema,
    // Share of the target at which the step fires: 100 = at the deadline, 200 = twice the target.
    percent: Type.Integer({ minimum: 1, maximum: 1000 }),
    level: Type.Integer({ minimum: 1, maximum: 5 }),
    notifyRoles: Type.Array(Text(40, 1), { maxItems: 10, uniqueItems: true }),
    clause: Type.Optional(Nullable(Text(100))),
  },
  { additionalProperties: false },
);

const editable = {
  name: Text(100, 1),
  calendarId: Uuid,
  appliesTo: AppliesTo,
  targets: Type.Array(Target, { minItems: 1, maxItems: 4 }),
  escalations: Type.Optional(Type.Array(Escalation, { maxItems: 20 })),
  priority: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
  active: Type.Optional(Type.Boolean()),
  clause: Type.Optional(Nullable(Text(200))),
};

export const CreateSlaPolicyBody = Type.Object(editable, { additionalProperties: false });

export const UpdateSlaPolicyBody = Type.Object(
  {
    version: Version,
    name: Type.Optional(editable.name),
    calendarId: Type.Optional(editable.calendarId),
    appliesTo: Type.Optional(editable.appliesTo),
    targets: Type.Optional(editable.targets),
    escalations: editable.escalations,
    priority: editable.priority,
    active: editable.active,
    clause: editable.clause,
  },
  { additionalProperties: false },
);

export const SlaPolicy = Type.Object({
  id: Uuid,
  name: Type.String(),
  calendarId: Uuid,
  calendarName: Nullable(Type.String()),
  appliesTo: Type.Object({
    types: Type.Array(Type.String()),
    channels: Type.Array(Type.String()),
    grades: Type.Array(Type.String()),
    urgent: Nullable(Type.Boolean()),
  }),
  targets: Type.Array(
    Type.Object({ metric: Type.String(), minutes: Type.Integer(), clause: Nullable(Type.String()) }),
  ),
  escalations: Type.Array(
    Type.Object({
      metric: Type.String(),
      percent: Type.Integer(),
      level: Type.Integer(),
      notifyRoles: Type.Array(Type.String()),
      clause: Nullable(Type.String()),
    }),
  ),
  priority: Type.Integer(),
  active: Type.Boolean(),
  clause: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
