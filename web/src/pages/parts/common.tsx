import { Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Part, StockingPlan } from '../../api/parts-types';

/** 易损件 / 耗材 / 序列号管理 as tags. */
export function PartFlags({ part }: { part: Pick<Part, 'wear' | 'consumable' | 'serialised'> }) {
  const { t } = useTranslation();
  return (
    <>
      {part.wear && <Tag color="orange">{t('parts.wear')}</Tag>}
      {part.consumable && <Tag color="blue">{t('parts.consumable')}</Tag>}
      {part.serialised && <Tag>{t('parts.serialised')}</Tag>}
    </>
  );
}

/** Whether a stocking plan is (or was) filed in time: days left, overdue, late or on time. */
export function PlanTimingTag({ plan }: { plan: StockingPlan }) {
  const { t } = useTranslation();
  const tip = `${plan.timing.message}（${plan.timing.clause}）`;
  let tag: ReactNode;
  if (plan.status !== 'draft')
    tag = plan.late ? (
      <Tag color="red">{t('stockingPlans.late')}</Tag>
    ) : (
      <Tag color="green">{t('stockingPlans.onTime')}</Tag>
    );
  else if (plan.daysLeft === null || plan.daysLeft < 0)
    tag = <Tag color="red">{t('stockingPlans.overdue', { n: -(plan.daysLeft ?? 0) })}</Tag>;
  else if (plan.daysLeft === 0) tag = <Tag color="orange">{t('stockingPlans.dueToday')}</Tag>;
  else
    tag = (
      <Tag color={plan.daysLeft <= 7 ? 'orange' : 'blue'}>
        {t('stockingPlans.dueIn', { n: plan.daysLeft })}
      </Tag>
    );
  return <Tooltip title={tip}>{tag}</Tooltip>;
}
