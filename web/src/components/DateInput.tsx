import { DatePicker, type DatePickerProps } from 'antd';

/**
 * A DatePicker inside a form: Enter confirms the typed date instead of also submitting the form
 * (the browser's implicit submission would send the form before the picker commits the value).
 */
export function DateInput(props: DatePickerProps) {
  // A date-time picker also accepts a bare date (midnight), so typing "2026-06-02" is not silently dropped.
  const format =
    props.showTime && typeof props.format === 'string' && props.format.includes(' ')
      ? [props.format, props.format.split(' ')[0]!]
      : props.format;
  return (
    <DatePicker
      style={{ width: '100%' }}
      {...props}
      format={format}
      onKeyDown={(e, preventDefault) => {
        if (e.key === 'Enter') e.preventDefault();
        props.onKeyDown?.(e, preventDefault);
      }}
    />
  );
}
