import { SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { surveysApi } from '../../api/followup';
import type { InviteResult, SendResult, Survey } from '../../api/followup-types';
import { CustomerSelect } from '../../components/CustomerSelect';
import { useApiErrorHandler } from '../../lib/errors';
import { recentQuarters, SURVEYS } from '../../lib/followup-lookups';
import { formatTime } from '../../lib/time';
import { PeriodSelect } from './SurveyResults';

/**
 * 发送: the quarter's invitations to every active customer (the job does it on the first day of each
 * quarter), and one customer's link to pass on by phone or WeChat, shown once.
 */
export function SurveySend({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState<string | undefined>(recentQuarters()[0]);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<SendResult | null>(null);
  const [customerId, setCustomerId] = useState<string>();
  const [link, setLink] = useState<InviteResult | null>(null);
  const active = survey.status === 'active';

  const send = async () => {
    setSending(true);
    try {
      setSent(await surveysApi.send(survey.id, period));
      await queryClient.invalidateQueries({ queryKey: [SURVEYS] });
    } catch (err) {
      handleError(err);
    } finally {
      setSending(false);
    }
  };

  const invite = async () => {
    if (!customerId) return;
    try {
      setLink(await surveysApi.invite(survey.id, customerId, period));
      await queryClient.invalidateQueries({ queryKey: [SURVEYS] });
    } catch (err) {
      handleError(err);
    }
  };

  if (!active) return <Alert type="warning" showIcon title={t('surveys.notActive')} />;
  return (
    <Flex vertical gap="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('surveys.sendHint')}
      </Typography.Paragraph>
      <Flex gap="small" align="center" wrap>
        <span>{t('surveys.period')}</span>
        <PeriodSelect value={period} onChange={setPeriod} />
        <Popconfirm
          title={t('surveys.sendConfirm', { period: period ?? recentQuarters()[0] })}
          onConfirm={() => void send()}
        >
          <Button
            type="primary"
            icon={<SendOutlined aria-hidden />}
            loading={sending}
            data-testid="survey-send"
          >
            {t('surveys.sendAll')}
          </Button>
        </Popconfirm>
      </Flex>
      {sent && (
        <Alert
          type="success"
          showIcon
          data-testid="survey-send-result"
          title={t('surveys.sendResult', { ...sent })}
        />
      )}
      <Card size="small" title={t('surveys.inviteOne')}>
        <Flex gap="small" wrap>
          <CustomerSelect
            value={customerId}
            onChange={(v) => {
              setCustomerId(v as string | undefined);
              setLink(null);
            }}
            style={{ width: 320 }}
          />
          <Button disabled={!customerId} onClick={() => void invite()} data-testid="survey-invite">
            {t('surveys.generate')}
          </Button>
        </Flex>
        {link && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={t('surveys.linkOnce')}
            description={
              <>
                <Typography.Paragraph
                  copyable={{ text: link.url }}
                  style={{ margin: 0 }}
                  data-testid="survey-invite-url"
                >
                  {link.url}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {link.period} · {t('surveys.expiresAt')} {formatTime(link.expiresAt)}
                </Typography.Text>
              </>
            }
          />
        )}
      </Card>
    </Flex>
  );
}
