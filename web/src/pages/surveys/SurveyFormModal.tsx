import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { surveysApi } from '../../api/followup';
import {
  QUESTION_TYPES,
  type QuestionType,
  SURVEY_STATUSES,
  type Survey,
  type SurveyBody,
  type SurveyStatus,
} from '../../api/followup-types';
import { FormModal } from '../../components/FormModal';
import { SURVEYS } from '../../lib/followup-lookups';
import { oneOf } from '../../lib/one-of';

type QuestionValues = {
  code?: string;
  type?: QuestionType;
  text?: string;
  textEn?: string | null;
  options?: string[] | null;
  required?: boolean;
};
type Values = {
  code: string;
  name: string;
  /** Empty only when the answer held a status the list lacks; the form requires one. */
  status?: SurveyStatus;
  validDays: number;
  questions: QuestionValues[];
};

const TYPES = QUESTION_TYPES;

/** A new questionnaire starts with the usual questions; people edit rather than type from nothing. */
const STARTER: QuestionValues[] = [
  { code: 'product', type: 'score', text: '您对产品质量的满意程度', required: true },
  { code: 'service', type: 'score', text: '您对售后服务的满意程度', required: true },
  { code: 'timeliness', type: 'score', text: '您对服务及时性的满意程度', required: false },
  { code: 'recommend', type: 'nps', text: '您向同行推荐我们的可能性有多大？', required: true },
  { code: 'suggestions', type: 'text', text: '您对我们的产品和服务还有什么建议？', required: false },
];

const questionsBody = (qs: QuestionValues[]): SurveyBody['questions'] =>
  (qs ?? []).map((q) => ({
    code: (q.code ?? '').trim(),
    type: q.type ?? 'score',
    text: (q.text ?? '').trim(),
    textEn: q.textEn?.trim() || null,
    options: q.type === 'choice' ? (q.options ?? []).map((o) => o.trim()) : null,
    required: q.required ?? false,
  }));

/** Create or edit a questionnaire: name, status, link lifetime, and the questions as rows. */
export function SurveyFormModal({
  state,
  onClose,
}: {
  state: { survey: Survey | null } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const survey = state?.survey ?? null;
  // Once sent, answers given must keep their meaning: codes, types and options are fixed.
  const locked = (survey?.invitations ?? 0) > 0;
  const required = { required: true, message: t('users.required') };

  const submit = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      status: v.status,
      validDays: v.validDays,
      questions: questionsBody(v.questions),
    };
    if (survey) await surveysApi.update(survey.id, { ...body, version: survey.version });
    else await surveysApi.create({ ...body, code: v.code.trim() });
    void message.success(t(survey ? 'common.saved' : 'common.created'));
    onClose();
    await queryClient.invalidateQueries({ queryKey: [SURVEYS] });
  };

  return (
    <FormModal<Values>
      open={state !== null}
      width={980}
      title={survey ? t('surveys.editTitle') : t('surveys.create')}
      resetKey={survey ? `${survey.id}:${survey.version}` : 'create'}
      initialValues={
        survey
          ? {
              ...survey,
              status: oneOf(SURVEY_STATUSES, survey.status),
              questions: survey.questions.map((q) => ({ ...q, type: oneOf(QUESTION_TYPES, q.type) })),
            }
          : { status: 'draft', validDays: 30, questions: STARTER }
      }
      onSubmit={submit}
      onCancel={onClose}
    >
      {locked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('surveys.lockedHint')} />}
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item
            name="code"
            label={t('surveys.code')}
            rules={[required, { pattern: /^[A-Za-z0-9_.-]+$/, message: t('surveys.codeRule') }]}
          >
            <Input maxLength={40} disabled={!!survey} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="name" label={t('surveys.name')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="status" label={t('common.status')} rules={[required]}>
            <Select
              options={SURVEY_STATUSES.map((s) => ({
                value: s,
                label: t(`surveys.statuses.${s}`),
                disabled: locked && s === 'draft',
              }))}
            />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="validDays" label={t('surveys.validDays')} rules={[required]}>
            <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <div data-testid="survey-questions-editor">
            {fields.map(({ key, name }) => (
              <Row key={key} gutter={8} align="top">
                <Col span={3}>
                  <Form.Item
                    name={[name, 'code']}
                    rules={[
                      required,
                      { pattern: /^[a-z][a-z0-9_]*$/, message: t('surveys.questionCodeRule') },
                    ]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder={t('surveys.question.code')} maxLength={40} disabled={locked} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Form.Item name={[name, 'type']} rules={[required]} style={{ marginBottom: 8 }}>
                    <Select
                      disabled={locked}
                      options={TYPES.map((ty) => ({ value: ty, label: t(`surveys.types.${ty}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item
                    name={[name, 'text']}
                    rules={[{ ...required, whitespace: true }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder={t('surveys.question.text')} maxLength={500} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[name, 'textEn']} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('surveys.question.textEn')} maxLength={500} />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item noStyle shouldUpdate>
                    {(form) =>
                      form.getFieldValue(['questions', name, 'type']) === 'choice' ? (
                        <Form.Item name={[name, 'options']} style={{ marginBottom: 8 }}>
                          <Select
                            mode="tags"
                            disabled={locked}
                            placeholder={t('surveys.optionsHint')}
                            open={false}
                            tokenSeparators={[',', '，']}
                          />
                        </Form.Item>
                      ) : null
                    }
                  </Form.Item>
                </Col>
                <Col span={2}>
                  <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox>{t('surveys.question.required')}</Checkbox>
                  </Form.Item>
                </Col>
                <Col span={1}>
                  {!locked && (
                    <Button
                      type="text"
                      aria-label={t('common.cancel')}
                      icon={<MinusCircleOutlined aria-hidden />}
                      onClick={() => remove(name)}
                    />
                  )}
                </Col>
              </Row>
            ))}
            {!locked && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined aria-hidden />}
                data-testid="add-question"
                onClick={() => add({ type: 'score', required: false })}
              >
                {t('surveys.addQuestion')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}
