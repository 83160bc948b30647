import type { ErrorCode } from './errors.ts';

// User-facing error messages; the client picks the language with Accept-Language (zh-CN by default).
const MESSAGES: Record<ErrorCode, { zh: string; en: string }> = {
  validation_failed: { zh: '输入有误', en: 'Invalid input' },
  invalid_json: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  bad_request: { zh: '请求无效', en: 'Bad request' },
  unauthenticated: { zh: '请先登录', en: 'Please log in' },
  invalid_credentials: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  forbidden: { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  csrf_rejected: {
    zh: '请求来自其他网站，已拒绝；请在本系统页面中操作',
    en: "The request came from another site and was refused; open it from this system's pages",
  },
  not_found: { zh: '记录不存在', en: 'Not found' },
  route_not_found: { zh: '接口不存在', en: 'No such endpoint' },
  version_conflict: {
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'This record was changed by someone else; reload and try again',
  },
  invalid_state: {
    zh: '当前状态下不能执行此操作',
    en: 'This cannot be done in the current state',
  },
  insufficient_stock: { zh: '库存不足', en: 'Not enough stock' },
  paperwork_blocked: {
    zh: '单据不全，不能办理（缺签字记录、旧件或质量反馈单）',
    en: 'Paperwork is incomplete (signed record, old parts or field feedback missing)',
  },
  duplicate: { zh: '已存在相同的记录', en: 'A record with the same key already exists' },
  gone: { zh: '该链接已使用或已过期', en: 'This link has been used or has expired' },
  account_locked: {
    zh: '登录失败次数过多，账号已暂时锁定',
    en: 'Too many failed logins; the account is locked for a while',
  },
  password_too_short: {
    zh: '密码太短：至少需要 10 个字符',
    en: 'The password is too short: it needs at least 10 characters',
  },
  password_too_common: {
    zh: '密码过于常见（在常用密码表中），请换一个不易猜到的密码',
    en: 'This password is too common (it is on the list of common passwords); choose one that is harder to guess',
  },
  password_same_as_username: {
    zh: '密码不能与用户名相同',
    en: 'The password must not be the same as the username',
  },
  password_change_required: {
    zh: '请先修改密码：修改前只能修改密码、查看本人信息或退出登录',
    en: 'Change your password first: until then you can only change it, view your profile or log out',
  },
  login_throttled: {
    zh: '此客户端对该账号的登录失败次数过多，请稍后再试（等待时间见 Retry-After）',
    en: 'Too many failed logins to this account from this client; wait before trying again (see Retry-After)',
  },
  payload_too_large: { zh: '请求内容过大', en: 'The request is too large' },
  uri_too_long: { zh: '请求地址过长', en: 'The request URL is too long' },
  headers_too_large: { zh: '请求头过大', en: 'The request headers are too large' },
  request_timeout: { zh: '请求超时', en: 'The request timed out' },
  unsupported_media_type: { zh: '不支持的内容类型', en: 'Unsupported content type' },
  rate_limited: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  internal: { zh: '服务器内部错误', en: 'Internal server error' },
  unavailable: { zh: '服务暂不可用', en: 'Service unavailable' },
};

export type Lang = 'zh' | 'en';

export const langFrom = (acceptLanguage: string | undefined): Lang =>
  acceptLanguage && /^en\b/i.test(acceptLanguage.trim()) ? 'en' : 'zh';

/** The code's message, followed by what is wrong with each field when there are field details. */
export const messageFor = (code: ErrorCode, lang: Lang, fieldSentences?: string[]): string => {
  const base = MESSAGES[code][lang];
  if (!fieldSentences || fieldSentences.length === 0) return base;
  return lang === 'zh' ? `${base}：${fieldSentences.join('；')}` : `${base}: ${fieldSentences.join('; ')}`;
};
