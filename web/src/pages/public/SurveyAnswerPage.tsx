import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Radio, Result, Spin, Typography } from 'antd';
import { type CSSProperties, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { publicSurveyApi } from '../../api/followup';
import type { SurveyAnswerValue, SurveyQuestion } from '../../api/followup-types';
import { LangSwitch } from '../../components/LangSwitch';
import { currentLang } from '../../i18n';
import { errorText } from '../../lib/errors';

// The customer's answer page behind a survey link (/s/<token>): no login, no menu, made for a phone —
// big buttons, one column. A link answers once; a used or expired one says so plainly.

const BIG: CSSProperties = {
  minWidth: 48,
  height: 48,
  lineHeight: '46px',
  fontSize: 18,
  textAlign: 'center',
};
const PAGE: CSSProperties = { minHeight: '100vh', background: '#f5f7fa', padding: '16px 12px 48px' };

type Gone = 'answered' | 'expired' | 'closed';

const goneReason = (err: unknown): Gone | null =>
  err instanceof ApiError && err.status === 410
    ? (((err.details as { reason?: Gone } | null)?.reason ?? 'answered') as Gone)
    : null;

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={PAGE}>
      <div style={{ maxWidth: 640, margin: '0 auto' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('publicSurvey.title')}
          </Typography.Title>
          <LangSwitch />
        </Flex>
        {children}
      </div>
    </div>
  );
}

function QuestionInput({
  q,
  value,
  onChange,
}: {
  q: SurveyQuestion;
  value: SurveyAnswerValue | undefined;
  onChange: (v: SurveyAnswerValue) => void;
}) {
  const { t } = useTranslation();
  const scale = (from: number, to: number, low: string, high: string) => (
    <>
      <Radio.Group
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={value}
        onChange={(e) => onChange(e.target.value as number)}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
      >
        {Array.from({ length: to - from + 1 }, (_, i) => from + i).map((n) => (
          <Radio.Button key={n} value={n} style={BIG}>
            {n}
          </Radio.Button>
        ))}
      </Radio.Group>
      <Flex justify="space-between" style={{ marginTop: 6 }}>
        <Typography.Text type="secondary">{low}</Typography.Text>
        <Typography.Text type="secondary">{high}</Typography.Text>
      </Flex>
    </>
  );
  switch (q.type) {
    case 'score':
      return scale(1, 5, t('publicSurvey.scoreLow'), t('publicSurvey.scoreHigh'));
    case 'nps':
      return scale(0, 10, t('publicSurvey.npsLow'), t('publicSurvey.npsHigh'));
    case 'choice':
      return (
        <Radio.Group
          value={value}
          onChange={(e) => onChange(e.target.value as string)}
          style={{ width: '100%' }}
        >
          <Flex vertical gap={10}>
            {(q.options ?? []).map((o) => (
              <Radio key={o} value={o} style={{ fontSize: 17, padding: '6px 0' }}>
                {o}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      );
    case 'text':
      return (
        <Input.TextArea
          rows={4}
          maxLength={2000}
          value={(value as string | undefined) ?? ''}
          placeholder={t('publicSurvey.textPlaceholder')}
          onChange={(e) => onChange(e.target.value)}
          style={{ fontSize: 16 }}
        />
      );
  }
}

export default function SurveyAnswerPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [answers, setAnswers] = useState<Record<string, SurveyAnswerValue>>({});
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);
  const [gone, setGone] = useState<Gone | null>(null);
  const query = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => publicSurveyApi.get(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  if (done)
    return (
      <Shell>
        <Result
          status="success"
          title={t('publicSurvey.thanksTitle')}
          subTitle={t('publicSurvey.thanksBody')}
          data-testid="survey-thanks"
        />
      </Shell>
    );
  const reason = gone ?? goneReason(query.error);
  if (reason)
    return (
      <Shell>
        <Result
          status="warning"
          title={t('publicSurvey.goneTitle')}
          subTitle={t(`publicSurvey.gone.${reason}`)}
          data-testid="survey-gone"
        />
      </Shell>
    );
  if (query.error)
    return (
      <Shell>
        {query.error instanceof ApiError && query.error.status === 404 ? (
          <Result
            status="404"
            title={t('publicSurvey.notFoundTitle')}
            subTitle={t('publicSurvey.notFound')}
            data-testid="survey-invalid"
          />
        ) : (
          <Result status="error" title={errorText(t, query.error)} />
        )}
      </Shell>
    );
  const s = query.data;
  if (!s)
    return (
      <Shell>
        <Spin size="large" style={{ display: 'block', margin: '96px auto' }} />
      </Shell>
    );

  const text = (q: SurveyQuestion) => (currentLang() === 'en' && q.textEn ? q.textEn : q.text);
  const isEmpty = (v: SurveyAnswerValue | undefined) => v === undefined || v === null || v === '';

  const submit = async () => {
    const lacking = new Set(
      s.questions.filter((q) => q.required && isEmpty(answers[q.code])).map((q) => q.code),
    );
    setMissing(lacking);
    if (lacking.size > 0) {
      void message.warning(t('publicSurvey.requiredMissing'));
      document
        .querySelector(`[data-testid="survey-question-${[...lacking][0]}"]`)
        ?.scrollIntoView({ behavior: 'smooth' });
      return;
    }
    setSubmitting(true);
    try {
      await publicSurveyApi.answer(
        token,
        s.questions
          .filter((q) => !isEmpty(answers[q.code]))
          .map((q) => ({ code: q.code, value: answers[q.code] ?? null })),
      );
      setDone(true);
    } catch (err) {
      const r = goneReason(err);
      if (r) setGone(r);
      else
        void message.error(
          err instanceof ApiError && err.status !== 400 ? t('publicSurvey.failed') : errorText(t, err),
        );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Shell>
      <Card style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('publicSurvey.hello', { customer: s.customerName })}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 4 }}>{t('publicSurvey.intro')}</Typography.Paragraph>
        <Typography.Text type="secondary">
          {s.surveyName} · {t('publicSurvey.period', { period: s.period })}
        </Typography.Text>
      </Card>
      {s.questions.map((q, i) => (
        <Card
          key={q.code}
          style={{ marginBottom: 12, borderColor: missing.has(q.code) ? '#ff4d4f' : undefined }}
          data-testid={`survey-question-${q.code}`}
        >
          <Typography.Paragraph strong style={{ fontSize: 16 }}>
            {i + 1}. {text(q)}
            {q.required && (
              <Typography.Text type="danger" aria-label={t('publicSurvey.required')}>
                {' '}
                *
              </Typography.Text>
            )}
          </Typography.Paragraph>
          <QuestionInput
            q={q}
            value={answers[q.code]}
            onChange={(v) => {
              setAnswers((a) => ({ ...a, [q.code]: v }));
              setMissing((m) => {
                const next = new Set(m);
                next.delete(q.code);
                return next;
              });
            }}
          />
        </Card>
      ))}
      <Button
        type="primary"
        size="large"
        block
        loading={submitting}
        onClick={() => void submit()}
        data-testid="survey-submit"
        style={{ height: 52, fontSize: 18 }}
      >
        {t('publicSurvey.submit')}
      </Button>
    </Shell>
  );
}
