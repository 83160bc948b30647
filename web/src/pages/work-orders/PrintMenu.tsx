import { DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { printLinks, workOrdersApi } from '../../api/field';
import { PRINT_FORMS, type WorkOrder } from '../../api/field-types';

/**
 * The paper forms of a work order (HTML to print from the browser, or PDF), opened in a new tab:
 * the session cookie authenticates them like any API call.
 */
export function PrintMenu({ order }: { order: WorkOrder }) {
  const { t } = useTranslation();
  const link = (href: string, label: string, testId: string) => (
    <a href={href} target="_blank" rel="noreferrer" data-testid={testId}>
      {label}
    </a>
  );
  const forms = PRINT_FORMS.filter((f) => f !== 'major-fault' || order.majorFault);
  const items: MenuProps['items'] = [
    ...forms.flatMap((f) => {
      const name = t(`print.forms.${f}`);
      return [
        { key: f, label: link(workOrdersApi.printUrl(order.id, f), name, `print-${f}`) },
        {
          key: `${f}.pdf`,
          label: link(workOrdersApi.printUrl(order.id, f, true), t('print.pdf', { name }), `print-${f}-pdf`),
        },
      ];
    }),
    { type: 'divider' },
    ...(order.assetId
      ? [
          {
            key: 'history',
            label: link(printLinks.historyCard(order.assetId), t('print.historyCard'), 'print-history-card'),
          },
        ]
      : []),
    {
      key: 'oow',
      label: link(
        printLinks.outOfWarrantyParts(order.ticketId),
        t('print.outOfWarrantyParts'),
        'print-out-of-warranty-parts',
      ),
    },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<PrinterOutlined aria-hidden />} data-testid="wo-print">
        {t('print.title')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
