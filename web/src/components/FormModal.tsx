import { Form, Modal } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { type HandleOptions, useApiErrorHandler } from '../lib/errors';

export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  initialValues?: Partial<V>;
  /** Identifies what is being edited (e.g. id and version); the open form is refilled when it changes. */
  resetKey?: string;
  onSubmit: (values: V) => Promise<void>;
  onCancel: () => void;
  /** 409 version_conflict: reload the record; the modal stays open so the user can re-apply the change. */
  onConflict?: HandleOptions['onConflict'];
  width?: number;
  cancelText?: ReactNode;
  children: ReactNode;
}

/**
 * A modal holding one form: OK submits (validation first), server field errors land on their fields.
 * Every opening gets a brand-new form store: antd reads `initialValues` only when a store is first
 * used, so a shared store would show the previous record's values.
 */
export function FormModal<V>(props: FormModalProps<V>) {
  const [session, setSession] = useState(0);
  const [wasOpen, setWasOpen] = useState(props.open);
  if (props.open !== wasOpen) {
    setWasOpen(props.open);
    if (props.open) setSession((s) => s + 1);
  }
  return <FormModalSession<V> key={session} {...props} />;
}

function FormModalSession<V>(props: FormModalProps<V>) {
  const { open, title, initialValues, resetKey, onSubmit, onCancel, onConflict, width, children } = props;
  const [form] = Form.useForm<V>();
  const [submitting, setSubmitting] = useState(false);
  const handleError = useApiErrorHandler();

  // Same opening, new version of the record (after a conflict): refill from the fresh initialValues.
  const firstKey = useRef(resetKey);
  useEffect(() => {
    if (resetKey !== firstKey.current) {
      firstKey.current = resetKey;
      form.resetFields();
    }
  }, [resetKey, form]);

  const finish = async (values: V) => {
    setSubmitting(true);
    try {
      await onSubmit(values);
    } catch (err) {
      handleError(err, { form, onConflict });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onOk={() => form.submit()}
      onCancel={onCancel}
      // disabled rather than confirmLoading: the spinner's exit animation can linger and rename the button.
      okButtonProps={{ disabled: submitting }}
      cancelText={props.cancelText}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void finish(values)}
        autoComplete="off"
      >
        {children}
        {/* Lets Enter in a text field submit, like any other form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
