import { useQuery } from '@tanstack/react-query';
import {
  AutoComplete,
  Button,
  Col,
  Divider,
  Empty,
  Form,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { assetsApi } from '../../api/catalog';
import { type Asset, CAUSES, type Cause, type EntitlementQuery } from '../../api/catalog-types';
import { DateInput } from '../../components/DateInput';
import { ASSETS } from '../../lib/catalog-lookups';
import { useApiErrorHandler } from '../../lib/errors';
import { shanghaiInstant, shanghaiPickerValue } from '../../lib/time';
import { EntitlementPanel } from './EntitlementPanel';

type Values = {
  at?: Dayjs | null;
  hours?: number | null;
  partCode?: string;
  cause?: Cause;
  reportedAt?: Dayjs | null;
  /** Three states: the API reads a missing value as "not known", which differs from "none kept". */
  evidence?: '' | 'true' | 'false';
};

const DATE_TIME = 'YYYY-MM-DD HH:mm';

function toQuery(v: Values): EntitlementQuery {
  const q: EntitlementQuery = {};
  if (v.at) q.at = shanghaiInstant(v.at);
  if (typeof v.hours === 'number') q.hours = v.hours;
  const part = v.partCode?.trim();
  if (part) q.partCode = part;
  if (v.cause) q.cause = v.cause;
  if (v.reportedAt) q.reportedAt = shanghaiInstant(v.reportedAt);
  if (v.evidence) q.evidence = v.evidence === 'true';
  return q;
}

/** 模拟判定: the same decision for a hypothetical fault; nothing is stored. */
/** `partCodes`: suggestions (the model's wear parts and consumables, parts replaced on this machine). */
export function WhatIfForm({ asset, partCodes }: { asset: Asset; partCodes: string[] }) {
  const { t } = useTranslation();
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<Values>();
  const [query, setQuery] = useState<EntitlementQuery | null>(null);

  const result = useQuery({
    queryKey: [ASSETS, 'entitlement', asset.id, query],
    queryFn: ({ signal }) => assetsApi.entitlement(asset.id, query ?? {}, signal),
    enabled: query !== null,
  });
  useEffect(() => {
    if (result.error) handleError(result.error, { form });
  }, [result.error, handleError, form]);

  const item = (node: ReactNode) => (
    <Col xs={24} md={12}>
      {node}
    </Col>
  );
  return (
    <>
      <Typography.Paragraph type="secondary">{t('entitlement.whatIfHint')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ at: shanghaiPickerValue(), evidence: '' }}
        onFinish={(v) => setQuery(toQuery(v))}
        autoComplete="off"
      >
        <Row gutter={16}>
          {item(
            <Form.Item name="at" label={t('entitlement.at')}>
              <DateInput showTime={{ format: 'HH:mm' }} format={DATE_TIME} />
            </Form.Item>,
          )}
          {item(
            <Form.Item name="hours" label={t('entitlement.hours')} tooltip={t('entitlement.hoursHint')}>
              <InputNumber
                min={0}
                max={1_000_000}
                placeholder={t('entitlement.hoursHint')}
                style={{ width: '100%' }}
              />
            </Form.Item>,
          )}
          {item(
            <Form.Item name="partCode" label={t('entitlement.partCode')}>
              <AutoComplete
                allowClear
                options={partCodes.map((c) => ({ value: c }))}
                showSearch={{
                  filterOption: (input, option) =>
                    String(option?.value ?? '')
                      .toUpperCase()
                      .includes(input.toUpperCase()),
                }}
              />
            </Form.Item>,
          )}
          {item(
            <Form.Item name="cause" label={t('entitlement.cause')}>
              <Select
                allowClear
                placeholder={t('entitlement.causes.unknown')}
                options={CAUSES.map((c) => ({ value: c, label: t(`entitlement.causes.${c}`) }))}
              />
            </Form.Item>,
          )}
          {item(
            <Form.Item name="reportedAt" label={t('entitlement.reportedAt')}>
              <DateInput showTime={{ format: 'HH:mm' }} format={DATE_TIME} />
            </Form.Item>,
          )}
          {item(
            <Form.Item name="evidence" label={t('entitlement.evidence')}>
              <Radio.Group optionType="button">
                <Radio value="">{t('entitlement.evidenceUnknown')}</Radio>
                <Radio value="true">{t('entitlement.evidenceYes')}</Radio>
                <Radio value="false">{t('entitlement.evidenceNo')}</Radio>
              </Radio.Group>
            </Form.Item>,
          )}
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" data-testid="whatif-submit" loading={result.isFetching}>
            {t('entitlement.submit')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setQuery(null);
            }}
          >
            {t('entitlement.reset')}
          </Button>
        </Space>
      </Form>
      <Divider />
      {query === null ? (
        <Empty description={t('entitlement.empty')} />
      ) : result.data ? (
        <Spin spinning={result.isFetching}>
          <Tag color="purple" style={{ marginBottom: 8 }}>
            {t('entitlement.simulated')}
          </Tag>
          <EntitlementPanel result={result.data} testId="entitlement-whatif" />
        </Spin>
      ) : (
        <Spin spinning={result.isFetching} style={{ display: 'block', margin: '48px auto' }} />
      )}
    </>
  );
}
