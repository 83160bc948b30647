/** Request field and parameter names → the words a person reads (zh-CN first, English). */
export const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  reportedAt: { zh: '报修时间', en: 'reported time' },
};
