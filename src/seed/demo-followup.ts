import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { complaints, surveys } from '../db/schema/index.ts';
import { DEMO_PASSWORD } from './demo.ts';

// Demo follow-up through the real API (as the desk and quality would do it): one service closed (so
// a return visit waits in the queue), one complaint with its 72-hour clock, and an active satisfaction
// survey with a link for the portal customer. Returns that link for the start-up banner.
// A start that died in this stage left some of it done: each step looks for its result first.
export const loadDemoFollowup = async (app: FastifyInstance, db: Db): Promise<string | null> => {
  const call = async (token: string | null, method: 'GET' | 'POST' | 'PATCH', url: string, body?: object) => {
    const r = await app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(body ? { payload: body } : {}),
    });
    if (r.statusCode >= 300) throw new Error(`demo ${method} ${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const login = async (username: string) =>
    (await call(null, 'POST', '/api/auth/login', { username, password: DEMO_PASSWORD })).token as string;
  const desk = await login('desk');
  const quality = await login('quality');

  const tickets = (await call(desk, 'GET', '/api/tickets?sort=created&limit=10')).items as {
    id: string;
    type: string;
    customerId: string;
    assetId: string | null;
    version: number;
    status: string;
  }[];
  const consultation = tickets.find((t) => t.type === 'consultation');
  if (consultation && consultation.status !== 'closed') {
    const resolved =
      consultation.status === 'resolved'
        ? consultation
        : await call(desk, 'POST', `/api/tickets/${consultation.id}/transition`, {
            to: 'resolved',
            version: consultation.version,
            resolution: '已电话说明破碎锤加装后的保修条件，并发送书面说明',
          });
    await call(desk, 'POST', `/api/tickets/${consultation.id}/transition`, {
      to: 'closed',
      version: resolved.version,
    });
  }
  const repair = tickets.find((t) => t.type === 'repair');
  const complained =
    repair &&
    (await db.select({ id: complaints.id }).from(complaints).where(eq(complaints.aboutTicketId, repair.id)))
      .length > 0;
  if (repair && !complained)
    await call(desk, 'POST', '/api/complaints', {
      customerId: repair.customerId,
      channel: 'phone',
      severity: 'high',
      subject: '维修人员到场不及时',
      description: '客户反映报修后第二天才联系，影响施工进度，要求说明原因并改进',
      aboutTicketId: repair.id,
      assetId: repair.assetId,
    });

  const [made] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.code, 'Q-SAT'));
  const survey =
    made ??
    (await call(quality, 'POST', '/api/surveys', {
      code: 'Q-SAT',
      name: '季度客户满意度调查',
      status: 'active',
      questions: [
        {
          code: 'overall',
          type: 'score',
          text: '您对我们售后服务的总体满意度',
          textEn: 'Overall satisfaction',
          required: true,
        },
        {
          code: 'engineer',
          type: 'score',
          text: '您对维修工程师的技术与态度是否满意',
          textEn: 'The engineer',
          required: true,
        },
        {
          code: 'nps',
          type: 'nps',
          text: '您向同行推荐我们的可能性有多大',
          textEn: 'How likely are you to recommend us',
          required: true,
        },
        {
          code: 'needs',
          type: 'text',
          text: '您还有哪些需要或建议',
          textEn: 'Other needs or suggestions',
          required: false,
        },
      ],
    }));
  const me = await call(await login('customer'), 'GET', '/api/auth/me');
  const customerId = me.customerId as string | null;
  if (!customerId) return null;
  const invite = await call(quality, 'POST', `/api/surveys/${survey.id}/invite`, { customerId });
  return invite.url as string;
};
