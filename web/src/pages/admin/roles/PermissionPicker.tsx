import { Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../../api/types';
import { localName } from '../../../i18n';

interface Props {
  catalogue: Permission[];
  value?: string[];
  onChange?: (value: string[]) => void;
  disabled?: boolean;
}

/** Checkboxes grouped as the server groups them; a Form.Item drives value/onChange. */
export function PermissionPicker({ catalogue, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const groups = new Map<string, Permission[]>();
  for (const p of catalogue) {
    const list = groups.get(p.group) ?? [];
    list.push(p);
    groups.set(p.group, list);
  }
  return (
    <Checkbox.Group
      value={value ?? []}
      onChange={(v) => onChange?.(v as string[])}
      disabled={disabled}
      style={{ display: 'block', width: '100%' }}
    >
      {Array.from(groups, ([group, items]) => (
        <fieldset key={group} style={{ border: 0, margin: '0 0 12px', padding: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 4 }}>
            <Typography.Text strong>{t(`permGroup.${group}`, { defaultValue: group })}</Typography.Text>
          </legend>
          {items.map((p) => (
            <Checkbox key={p.code} value={p.code} style={{ marginInlineEnd: 16 }}>
              {localName(p)} <Typography.Text type="secondary">({p.code})</Typography.Text>
            </Checkbox>
          ))}
        </fieldset>
      ))}
    </Checkbox.Group>
  );
}
