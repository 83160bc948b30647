import { Col, Row, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

const show = (v: unknown) => JSON.stringify(v, null, 2) ?? 'undefined';

/**
 * Before/after snapshots side by side, one line per top-level key, with the keys that changed
 * highlighted: audit readers care about what changed, not the whole record.
 */
export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const b = asRecord(before);
  const a = asRecord(after);

  if (!b && !a) {
    return (
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('audit.before')}</Typography.Text>
          <pre style={{ margin: 0 }}>{before == null ? '—' : show(before)}</pre>
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('audit.after')}</Typography.Text>
          <pre style={{ margin: 0 }}>{after == null ? '—' : show(after)}</pre>
        </Col>
      </Row>
    );
  }

  const keys = Array.from(new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})]));
  const changed = new Set(keys.filter((k) => show(b?.[k]) !== show(a?.[k])));

  const side = (record: Record<string, unknown> | null, label: string, color: string) => (
    <Col span={12}>
      <Typography.Text strong>{label}</Typography.Text>
      {record === null ? (
        <pre style={{ margin: 0 }}>—</pre>
      ) : (
        <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {keys
            .filter((k) => k in record)
            .map((k) => (
              <div
                key={k}
                data-changed={changed.has(k) || undefined}
                style={changed.has(k) ? { background: color, fontWeight: 600 } : undefined}
              >
                {`${k}: ${show(record[k])}`}
              </div>
            ))}
        </pre>
      )}
    </Col>
  );

  return (
    <Row gutter={16}>
      {side(b, t('audit.before'), token.colorErrorBg)}
      {side(a, t('audit.after'), token.colorSuccessBg)}
    </Row>
  );
}
