import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Radio, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { visitsApi } from '../../api/followup';
import type { VisitQuestion, VisitSummary } from '../../api/followup-types';
import { currentLang } from '../../i18n';
import { useApiErrorHandler } from '../../lib/errors';
import { scoreText, VISITS } from '../../lib/followup-lookups';
import { formatTime } from '../../lib/time';
import { isUnhappy } from './common';

type Values = Record<string, number | string | null | undefined> & {
  suggestions?: string;
  followUpAction?: string;
};

const SCORES = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: String(n) }));

export const questionText = (q: Pick<VisitQuestion, 'text' | 'textEn'>) =>
  currentLang() === 'en' && q.textEn ? q.textEn : q.text;

/**
 * 登记回访: the fixed questions (1–5 each, or left out), suggestions, and the follow-up action that an
 * unhappy answer requires. The rule is the server's; it is mirrored here so the field turns required
 * while the caller is still on the phone.
 */
export function VisitCompleteModal({ visit, onClose }: { visit: VisitSummary | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const detail = useQuery({
    queryKey: [VISITS, 'detail', visit?.id],
    queryFn: () => visitsApi.get(visit!.id),
    enabled: visit !== null,
  });
  const questions = detail.data?.questions ?? [];
  const values = Form.useWatch([], form) as Values | undefined;
  const scores = questions
    .filter((q) => q.scored)
    .map((q) => values?.[`score_${q.code}`] as number | undefined);
  const unhappy = isUnhappy(scores);
  const given = scores.filter((s): s is number => typeof s === 'number');
  const mean = given.length ? Math.round((given.reduce((a, b) => a + b, 0) * 100) / given.length) : null;

  const submit = async (v: Values) => {
    if (!visit || !detail.data) return;
    if (given.length === 0) {
      void message.warning(t('visits.needScore'));
      return;
    }
    setSubmitting(true);
    try {
      await visitsApi.complete(visit.id, {
        version: detail.data.version,
        answers: questions.map((q) => ({
          code: q.code,
          score: q.scored ? ((v[`score_${q.code}`] as number | undefined) ?? null) : null,
          comment: q.scored ? (v[`comment_${q.code}`] as string | undefined)?.trim() || null : null,
        })),
        suggestions: v.suggestions?.trim() || null,
        followUpAction: v.followUpAction?.trim() || null,
      });
      void message.success(t('visits.completed'));
      onClose();
      await queryClient.invalidateQueries({ queryKey: [VISITS] });
    } catch (err) {
      handleError(err, {
        form,
        onConflict: () => void queryClient.invalidateQueries({ queryKey: [VISITS] }),
      });
    } finally {
      setSubmitting(false);
    }
  };

  const d = detail.data;
  return (
    <Modal
      open={visit !== null}
      width={720}
      title={visit ? t('visits.completeTitle', { customer: visit.customerName }) : ''}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          data-testid="visit-submit"
          disabled={submitting || !d}
          onClick={() => form.submit()}
        >
          {t('visits.submit')}
        </Button>,
      ]}
    >
      {!d ? (
        <Spin style={{ display: 'block', margin: '32px auto' }} />
      ) : (
        <>
          <Descriptions
            size="small"
            column={2}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'phone', label: t('visits.phone'), children: d.customerPhone },
              { key: 'engineer', label: t('visits.engineer'), children: d.engineerName },
              { key: 'ticket', label: t('visits.ticket'), children: d.ticketNumber },
              {
                key: 'wo',
                label: t('visits.workOrders'),
                children: d.workOrders.map((w) => w.number).join('、'),
              },
              { key: 'due', label: t('visits.dueAt'), children: formatTime(d.dueAt) },
            ]}
          />
          <Typography.Paragraph type="secondary">{t('visits.scoreHint')}</Typography.Paragraph>
          <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)} autoComplete="off">
            {questions.map((q, i) => (
              <div key={q.code} style={{ marginBottom: 8 }}>
                <Typography.Text strong>
                  {i + 1}. {questionText(q)}
                </Typography.Text>
                {q.scored && (
                  <Form.Item name={`score_${q.code}`} style={{ margin: '6px 0' }}>
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      options={SCORES}
                      data-testid={`visit-score-${q.code}`}
                    />
                  </Form.Item>
                )}
                {/* The words-only question (other needs, suggestions) is the visit's suggestions. */}
                <Form.Item name={q.scored ? `comment_${q.code}` : 'suggestions'} style={{ marginBottom: 4 }}>
                  {q.scored ? (
                    <Input placeholder={t('visits.comment')} maxLength={1000} />
                  ) : (
                    <Input.TextArea rows={2} maxLength={4000} data-testid="visit-suggestions" />
                  )}
                </Form.Item>
              </div>
            ))}
            {mean !== null && (
              <Alert
                type={unhappy ? 'error' : 'success'}
                showIcon
                style={{ marginBottom: 12 }}
                title={`${t('visits.mean', { score: scoreText(mean) })}${unhappy ? ` · ${t('visits.unhappy')}` : ''}`}
              />
            )}
            <Form.Item
              name="followUpAction"
              label={t('visits.followUpAction')}
              extra={t('visits.followUpActionHint')}
              rules={[{ required: unhappy, whitespace: true, message: t('visits.followUpRequired') }]}
            >
              <Input.TextArea rows={2} maxLength={2000} data-testid="visit-follow-up-action" />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
