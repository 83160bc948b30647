type FieldMessageText = { re: RegExp; zh: string; en: string };

// Ajv's words for JSON types, in a sentence of their own and inside a list ("text or null").
const TYPE_WORDS: Record<string, { zh: string; en: string; enInList: string }> = {
  string: { zh: '文本', en: 'text', enInList: 'text' },
  integer: { zh: '整数', en: 'a whole number', enInList: 'a whole number' },
  number: { zh: '数字', en: 'a number', enInList: 'a number' },
  boolean: { zh: '布尔值（是/否）', en: 'true or false', enInList: 'true/false' },
  array: { zh: '列表', en: 'a list', enInList: 'a list' },
  object: { zh: '对象', en: 'an object', enInList: 'an object' },
  null: { zh: '空值', en: 'null', enInList: 'null' },
};

/** Ajv's `type` message, "must be string" or "must be string,null": one entry per type and per pair. */
const typeMessages = (): FieldMessageText[] => {
  const names = Object.keys(TYPE_WORDS);
  const out: FieldMessageText[] = names.map((t) => ({
    re: new RegExp(`^must be ${t}$`),
    zh: `必须是${TYPE_WORDS[t]!.zh}`,
    en: `must be ${TYPE_WORDS[t]!.en}`,
  }));
  for (const a of names)
    for (const b of names)
      if (a !== b)
        out.push({
          re: new RegExp(`^must be ${a},${b}$`),
          zh: `必须是${TYPE_WORDS[a]!.zh}或${TYPE_WORDS[b]!.zh}`,
          en: `must be ${TYPE_WORDS[a]!.enInList} or ${TYPE_WORDS[b]!.enInList}`,
        });
  return out;
};

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Ajv's `pattern` message for one pattern the request schemas use, in words. */
const pattern = (p: string, zh: string, en: string): FieldMessageText => ({
  re: new RegExp(`^must match pattern "${escapeRe(p)}"$`),
  zh,
  en,
});

/** Ajv's `format` message for one format, in words. */
const format = (f: string, zh: string, en: string): FieldMessageText => ({
  re: new RegExp(`^must match format "${escapeRe(f)}"$`),
  zh,
  en,
});

/**
 * A per-field message as the server states it (English, stable) → how a person reads it.
 * `{1}`, `{2}` insert a capture as is; `{label:1}` inserts the capture read as a field name
 * (its label in the caller's language). The first pattern that matches wins.
 *
 * The text follows the field's label: zh as `${label}${zh}` (so no subject of its own), en as
 * `${label} ${en}`. Where the server's sentence does not start with a predicate ("you cannot …",
 * "the admin role …") the text opens with one ("cannot be changed: …") so that it reads after a label.
 */
export const FIELD_MESSAGE_TEXT: ReadonlyArray<FieldMessageText> = [
  // ── Ajv 8, for the keywords the TypeBox request schemas use (and a few they may come to use) ──
  { re: /^is required$/, zh: '不能为空', en: 'is required' },
  { re: /^is not an allowed field$/, zh: '不是允许填写的字段', en: 'is not an allowed field' },
  { re: /^is invalid$/, zh: '无效', en: 'is invalid' },
  ...typeMessages(),
  { re: /^must be ([a-z]+(?:,[a-z]+){2,})$/, zh: '类型不正确', en: 'must be one of the types {1}' },
  {
    re: /^must be equal to one of the allowed values$/,
    zh: '必须是允许的值之一',
    en: 'must be one of the allowed values',
  },
  { re: /^must be equal to constant$/, zh: '必须是规定的值', en: 'must be the one allowed value' },
  { re: /^must NOT have fewer than 1 characters$/, zh: '不能为空', en: 'must not be empty' },
  {
    re: /^must NOT have fewer than (\d+) characters$/,
    zh: '不能少于 {1} 个字符',
    en: 'must not have fewer than {1} characters',
  },
  {
    re: /^must NOT have more than (\d+) characters$/,
    zh: '不能超过 {1} 个字符',
    en: 'must not have more than {1} characters',
  },
  { re: /^must be >= (\S+)$/, zh: '不能小于 {1}', en: 'must be at least {1}' },
  { re: /^must be <= (\S+)$/, zh: '不能大于 {1}', en: 'must be at most {1}' },
  { re: /^must be > (\S+)$/, zh: '必须大于 {1}', en: 'must be greater than {1}' },
  { re: /^must be < (\S+)$/, zh: '必须小于 {1}', en: 'must be less than {1}' },
  { re: /^must be multiple of (\S+)$/, zh: '必须是 {1} 的整数倍', en: 'must be a multiple of {1}' },
  { re: /^must NOT have fewer than 1 items$/, zh: '至少需要填写一项', en: 'must have at least one item' },
  {
    re: /^must NOT have fewer than (\d+) items$/,
    zh: '至少需要填写 {1} 项',
    en: 'must have at least {1} items',
  },
  {
    re: /^must NOT have more than (\d+) items$/,
    zh: '不能超过 {1} 项',
    en: 'must not have more than {1} items',
  },
  {
    re: /^must NOT have fewer than (\d+) properties$/,
    zh: '至少需要 {1} 个字段',
    en: 'must have at least {1} fields',
  },
  {
    re: /^must NOT have more than (\d+) properties$/,
    zh: '不能超过 {1} 个字段',
    en: 'must not have more than {1} fields',
  },
  // The indexes Ajv names count from 0; shown as they are they would point one item off.
  {
    re: /^must NOT have duplicate items \(items ## (\d+) and (\d+) are identical\)$/,
    zh: '不能有重复项',
    en: 'must not have duplicate items',
  },
  {
    re: /^must NOT have additional properties$/,
    zh: '含有不允许填写的字段',
    en: 'has fields that are not allowed',
  },
  { re: /^must have required property '([^']+)'$/, zh: '缺少{label:1}', en: 'lacks {label:1}' },
  {
    re: /^must have propert(?:y|ies) (.+) when property (\S+) is present$/,
    zh: '填写{label:2}时必须同时填写 {1}',
    en: 'must have {1} when {label:2} is given',
  },
  { re: /^property name must be valid$/, zh: '含有无效的字段名', en: 'has an invalid field name' },
  {
    re: /^must contain at least (\d+) valid item\(s\)$/,
    zh: '至少需要 {1} 个有效项',
    en: 'must contain at least {1} valid items',
  },
  {
    re: /^must contain at most (\d+) valid item\(s\)$/,
    zh: '最多只能有 {1} 个有效项',
    en: 'must contain at most {1} valid items',
  },
  {
    re: /^must match a schema in anyOf$/,
    zh: '不符合任何一种允许的格式',
    en: 'does not match any allowed form',
  },
  {
    re: /^must match exactly one schema in oneOf$/,
    zh: '必须恰好符合一种允许的格式',
    en: 'must match exactly one allowed form',
  },
  { re: /^must match "(?:then|else)" schema$/, zh: '不符合条件要求', en: 'does not meet the condition' },
  { re: /^must NOT be valid$/, zh: '不是允许的值', en: 'is not an allowed value' },
  { re: /^boolean schema is false$/, zh: '不允许填写', en: 'is not allowed' },

  // Formats: date and date-time are ours (validation.ts), real days and instants of 1900–2100
  // with no leap second; the rest are ajv-formats'.
  format(
    'date',
    '必须是 1900–2100 年间的有效日期（YYYY-MM-DD）',
    'must be a real date from 1900 to 2100 (YYYY-MM-DD)',
  ),
  format(
    'date-time',
    '必须是 1900–2100 年间的有效时间，并带时区（如 2026-03-02T09:00:00+08:00）',
    'must be a real time from 1900 to 2100 with its offset (e.g. 2026-03-02T09:00:00+08:00)',
  ),
  format('email', '必须是有效的电子邮箱地址', 'must be a valid e-mail address'),
  format('uuid', '必须是有效的编号', 'must be a valid id'),
  format('time', '必须是有效的时刻（HH:MM:SS）', 'must be a valid time of day (HH:MM:SS)'),
  format('uri', '必须是有效的网址', 'must be a valid URL'),
  format('url', '必须是有效的网址', 'must be a valid URL'),
  format('hostname', '必须是有效的主机名', 'must be a valid host name'),
  format('ipv4', '必须是有效的 IPv4 地址', 'must be a valid IPv4 address'),
  format('ipv6', '必须是有效的 IPv6 地址', 'must be a valid IPv6 address'),
  { re: /^must match format "[^"]*"$/, zh: '格式不正确', en: 'has an invalid format' },

  // Patterns of the request schemas, in words; an unlisted one still reads "格式不正确".
  pattern(
    '^[A-Za-z0-9_.-]+$',
    '只能包含字母、数字、下划线、点或连字符',
    'may contain only letters, digits, _ . and -',
  ),
  pattern(
    '^[A-Za-z0-9_.@-]+$',
    '只能包含字母、数字、下划线、点、@ 或连字符',
    'may contain only letters, digits, _ . @ and -',
  ),
  pattern(
    '^[A-Za-z0-9_-]+$',
    '只能包含字母、数字、下划线或连字符',
    'may contain only letters, digits, _ and -',
  ),
  pattern(
    '^[A-Za-z0-9][A-Za-z0-9_./-]*$',
    '须以字母或数字开头，只能包含字母、数字、下划线、点、斜杠或连字符',
    'must start with a letter or digit and contain only letters, digits, _ . / and -',
  ),
  pattern(
    '^[a-z0-9_]{1,40}$',
    '只能包含小写字母、数字和下划线，最多 40 个字符',
    'may contain only a–z, digits and _, at most 40',
  ),
  pattern(
    '^[a-z][a-z0-9_]*$',
    '须以小写字母开头，只能包含小写字母、数字和下划线',
    'must start with a–z and contain only a–z, digits and _',
  ),
  pattern('^[0-9+()\\- ]*$', '只能包含数字、空格和 + ( ) -', 'may contain only digits, spaces and + ( ) -'),
  pattern('^[0-9]{1,18}$', '必须是 1–18 位数字', 'must be 1 to 18 digits'),
  pattern(
    '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$',
    '必须是 00:00–24:00 之间的时刻（HH:MM）',
    'must be a time from 00:00 to 24:00 (HH:MM)',
  ),
  pattern('^\\d{4}-(0[1-9]|1[0-2])$', '必须是月份（YYYY-MM）', 'must be a month (YYYY-MM)'),
  pattern('^[0-9]{4}-Q[1-4]$', '必须是季度（如 2026-Q1）', 'must be a quarter (e.g. 2026-Q1)'),
  pattern('^https?://', '必须以 http:// 或 https:// 开头', 'must start with http:// or https://'),
  pattern('^data:image/png;base64,', '必须是 PNG 图片', 'must be a PNG image'),
  { re: /^must match pattern ".*"$/, zh: '格式不正确', en: 'has an invalid format' },

  // ── What validation.ts and http.ts add ──
  {
    re: /^must not contain a NUL character$/,
    zh: '不能包含空字符（U+0000）',
    en: 'must not contain a NUL character',
  },
  {
    re: /^must not nest deeper than (\d+) levels$/,
    zh: '嵌套不能超过 {1} 层',
    en: 'must not nest deeper than {1} levels',
  },
  { re: /^is not a valid URL component$/, zh: '含有无法识别的字符', en: 'is not a valid URL component' },
  { re: /^refers to (?:a|an) [a-z ]+ that does not exist$/, zh: '不存在', en: 'does not exist' },

  // ── The services' own rules (fieldError and details built by hand) ──
  // Scope, existence, state.
  { re: /^is outside your data scope$/, zh: '超出您的数据范围', en: 'is outside your data scope' },
  { re: /^belongs to another customer$/, zh: '属于其他客户', en: 'belongs to another customer' },
  {
    re: /^already belongs to another engineer$/,
    zh: '已属于其他工程师',
    en: 'already belongs to another engineer',
  },
  {
    re: /^is not an engineer of your dealer$/,
    zh: '不是本经销商的工程师',
    en: 'is not an engineer of your dealer',
  },
  { re: /^is inactive$/, zh: '已停用', en: 'is inactive' },
  {
    re: /^is archived; archived customers cannot be edited$/,
    zh: '为已归档，已归档的客户不能修改',
    en: 'is archived; archived customers cannot be edited',
  },
  { re: /^is archived$/, zh: '已归档', en: 'is archived' },
  { re: /^is already archived$/, zh: '已是“已归档”', en: 'is already archived' },
  { re: /^is already taken$/, zh: '已被占用', en: 'is already taken' },
  { re: /^is already registered$/, zh: '已登记', en: 'is already registered' },
  { re: /^is already the assignee$/, zh: '已是负责人', en: 'is already the assignee' },
  { re: /^is already approved$/, zh: '已批准', en: 'is already approved' },
  { re: /^is already rejected$/, zh: '已驳回', en: 'is already rejected' },
  { re: /^is already (\w+)$/, zh: '已处理', en: 'is already {1}' },
  {
    re: /^already has a plan for this dealer$/,
    zh: '已有该经销商的储备计划',
    en: 'already has a plan for this dealer',
  },
  { re: /^is not a known role$/, zh: '不存在', en: 'does not exist' },
  { re: /^has no current warranty policy$/, zh: '没有有效的保修政策', en: 'has no current warranty policy' },
  {
    re: /^is not a plan of the warranty policy$/,
    zh: '不是该型号保修政策中的方案',
    en: 'is not a plan of the warranty policy',
  },
  { re: /^cannot carry out return visits$/, zh: '无权执行回访', en: 'cannot carry out return visits' },
  {
    re: /^has no target in this policy$/,
    zh: '在本政策中没有对应的时限目标',
    en: 'has no target in this policy',
  },

  // Required in a situation.
  {
    re: /^is required for a dealer role$/,
    zh: '必须填写（经销商角色须选择所属经销商）',
    en: 'is required for a dealer role',
  },
  {
    re: /^is required for a replaced part$/,
    zh: '在更换零件时必须填写',
    en: 'is required for a replaced part',
  },
  {
    re: /^is required for a service centre store$/,
    zh: '必须填写（服务中心库）',
    en: 'is required for a service centre store',
  },
  {
    re: /^is required for a dealer store$/,
    zh: '必须填写（经销商库）',
    en: 'is required for a dealer store',
  },
  {
    re: /^must be empty for the company store$/,
    zh: '必须留空（公司总库）',
    en: 'must be empty for the company store',
  },
  {
    re: /^must be empty for a service centre store$/,
    zh: '必须留空（服务中心库）',
    en: 'must be empty for a service centre store',
  },
  {
    re: /^must be empty for a dealer store$/,
    zh: '必须留空（经销商库）',
    en: 'must be empty for a dealer store',
  },
  { re: /^is required to hand the form in$/, zh: '提交时必须填写', en: 'is required to hand the form in' },
  {
    re: /^is required when the customer is unhappy$/,
    zh: '客户不满意时必须填写',
    en: 'is required when the customer is unhappy',
  },
  {
    re: /^is required when the desk records the decision$/,
    zh: '由客服登记客户决定时必须填写',
    en: 'is required when the desk records the decision',
  },
  {
    re: /^name a user, a department or a dealer$/,
    zh: '不能为空：请选择用户、部门或经销商',
    en: 'is required: name a user, a department or a dealer',
  },

  // Relations between fields.
  { re: /^is after (\w+)$/, zh: '不能晚于{label:1}', en: 'is after {label:1}' },
  { re: /^must not be after (\w+)$/, zh: '不能晚于{label:1}', en: 'must not be after {label:1}' },
  {
    re: /^must differ from the current password$/,
    zh: '不能与当前密码相同',
    en: 'must differ from the current password',
  },
  { re: /^must differ from (\w+)$/, zh: '不能与{label:1}相同', en: 'must differ from {label:1}' },
  {
    re: /^cannot be set together with (\w+)$/,
    zh: '不能与{label:1}同时填写',
    en: 'cannot be set together with {label:1}',
  },
  { re: /^is not one of (\w+)$/, zh: '必须是所选{label:1}之一', en: 'is not one of the {label:1}' },
  { re: /^cannot be the department itself$/, zh: '不能是部门自身', en: 'cannot be the department itself' },

  // Times.
  { re: /^is in the future$/, zh: '不能晚于当前时间', en: 'is in the future' },
  // The complaint's own check names its field in the sentence; the label already does.
  {
    re: /^(?:\w+ )?is before the complaint was received$/,
    zh: '不能早于投诉受理时间',
    en: 'is before the complaint was received',
  },
  {
    re: /^is before the ticket was reported$/,
    zh: '不能早于报修时间',
    en: 'is before the service request was reported',
  },
  {
    re: /^is before the work order was created$/,
    zh: '不能早于派工单创建时间',
    en: 'is before the work order was created',
  },
  { re: /^is before the pause began$/, zh: '不能早于暂停开始时间', en: 'is before the pause began' },
  {
    re: /^is before the end of the previous pause$/,
    zh: '不能早于上一次暂停的结束时间',
    en: 'is before the end of the previous pause',
  },
  { re: /^is before the check-out$/, zh: '不能早于签退日期', en: 'is before the check-out' },
  {
    re: /^must be a date \(YYYY-MM-DD\) not after today$/,
    zh: '必须是不晚于今天的日期（YYYY-MM-DD）',
    en: 'must be a date (YYYY-MM-DD) not after today',
  },
  {
    re: /^the period may span at most (\d+) years$/,
    zh: '超出范围：统计期间最长 {1} 年',
    en: 'is out of range: the period may span at most {1} years',
  },
  {
    re: /^is not a daily_problems period$/,
    zh: '不是有效的日期（YYYY-MM-DD）',
    en: 'is not a valid day (YYYY-MM-DD)',
  },
  {
    re: /^is not a weekly_satisfaction period$/,
    zh: '不是有效的周（如 2026-W10）',
    en: 'is not a valid week (e.g. 2026-W10)',
  },
  { re: /^is not a monthly period$/, zh: '不是有效的月份（YYYY-MM）', en: 'is not a valid month (YYYY-MM)' },
  { re: /^is not a (\w+) period$/, zh: '不是有效的报表期间', en: 'is not a valid {1} period' },
  {
    re: /^is not a row key of the (\w+) figure$/,
    zh: '不属于该图表',
    en: 'is not a row of the {1} figure',
  },
  { re: /^is not in (\d+)$/, zh: '不在 {1} 年内', en: 'is not in {1}' },

  // Quantities and hour-meter readings.
  { re: /^must not be negative$/, zh: '不能为负数', en: 'must not be negative' },
  {
    re: /^is below the earlier reading of (-?[\d.]+) h$/,
    zh: '不能小于此前的读数 {1} h',
    en: 'is below the earlier reading of {1} h',
  },
  {
    re: /^is above the later reading of (-?[\d.]+) h$/,
    zh: '不能大于此后的读数 {1} h',
    en: 'is above the later reading of {1} h',
  },
  {
    re: /^is below the (\d+) reserved for work orders$/,
    zh: '不能少于派工单已预留的 {1} 件',
    en: 'is below the {1} reserved for work orders',
  },
  {
    re: /^must be 1 for a serialised part \(one line per serial number\)$/,
    zh: '必须为 1（有序列号的备件每个序列号一行）',
    en: 'must be 1 for a serialised part (one line per serial number)',
  },
  {
    re: /^must be a whole number of at least (\d+)$/,
    zh: '必须是不小于 {1} 的整数',
    en: 'must be a whole number of at least {1}',
  },
  {
    re: /^must be a whole number from (\d+) to (\d+)$/,
    zh: '必须是 {1}–{2} 的整数',
    en: 'must be a whole number from {1} to {2}',
  },
  { re: /^needs at least one part$/, zh: '至少需要一种备件', en: 'needs at least one part' },
  {
    re: /^appears twice \(also in line (\d+)\)$/,
    zh: '重复（第 {1} 行也有）',
    en: 'appears twice (also in line {1})',
  },

  // Repeats.
  { re: /^is used twice$/, zh: '重复填写', en: 'is used twice' },
  { re: /^appears twice$/, zh: '重复出现', en: 'appears twice' },
  { re: /^appears twice in the file$/, zh: '在文件中重复出现', en: 'appears twice in the file' },

  // Passwords (password-policy.ts) and login.
  { re: /^is wrong$/, zh: '不正确', en: 'is wrong' },
  {
    re: /^must be at least (\d+) characters$/,
    zh: '不能少于 {1} 个字符',
    en: 'must be at least {1} characters',
  },
  {
    re: /^is a commonly used password$/,
    zh: '是常见密码，请换一个不易猜到的密码',
    en: 'is a commonly used password',
  },
  { re: /^must not be the username$/, zh: '不能与用户名相同', en: 'must not be the username' },

  // Roles and users.
  {
    re: /^the admin role keeps every permission$/,
    zh: '不能修改：管理员角色必须保留全部权限',
    en: 'cannot be changed: the admin role keeps every permission',
  },
  {
    re: /^you cannot deactivate yourself or change your own role$/,
    zh: '不能修改：不能停用自己或修改自己的角色',
    en: 'cannot be changed: you cannot deactivate yourself or change your own role',
  },

  // Uploads (evidence.ts, the multipart routes) and the drawn signature.
  {
    re: /^send multipart\/form-data$/,
    zh: '必须以文件上传方式（multipart/form-data）提交',
    en: 'must be sent as multipart/form-data',
  },
  { re: /^is too large$/, zh: '太大', en: 'is too large' },
  { re: /^must be a photo$/, zh: '必须是照片', en: 'must be a photo' },
  { re: /^must be before or after$/, zh: '必须是维修前或维修后', en: 'must be before or after the repair' },
  { re: /^file type (.*) is not accepted$/, zh: '类型不受支持（{1}）', en: 'type {1} is not accepted' },
  { re: /^the file is empty$/, zh: '为空', en: 'is empty' },
  {
    re: /^photo files may be at most (\d+) MB$/,
    zh: '太大：图片最大 {1} MB',
    en: 'is too large: photos may be at most {1} MB',
  },
  {
    re: /^video files may be at most (\d+) MB$/,
    zh: '太大：视频最大 {1} MB',
    en: 'is too large: videos may be at most {1} MB',
  },
  {
    re: /^(\w+) files may be at most (\d+) MB$/,
    zh: '太大：最大 {2} MB',
    en: 'is too large: {1} files may be at most {2} MB',
  },
  {
    re: /^the content does not look like (.+)$/,
    zh: '内容与文件类型（{1}）不符',
    en: 'does not look like {1}',
  },

  // Working calendars (calendar-spec.ts).
  { re: /^is missing$/, zh: '未填写', en: 'is missing' },
  {
    re: /^must be a list of \[start, end\] ranges$/,
    zh: '必须是时间段列表（[开始, 结束]）',
    en: 'must be a list of [start, end] ranges',
  },
  {
    re: /^must be a \[start, end\] pair$/,
    zh: '必须是时间段（[开始, 结束]）',
    en: 'must be a [start, end] pair',
  },
  {
    re: /^bad start time "(.*)" \(HH:MM\)$/,
    zh: '的开始时刻“{1}”格式不正确（HH:MM）',
    en: 'has a bad start time "{1}" (HH:MM)',
  },
  {
    re: /^bad end time "(.*)" \(HH:MM or 24:00\)$/,
    zh: '的结束时刻“{1}”格式不正确（HH:MM 或 24:00）',
    en: 'has a bad end time "{1}" (HH:MM or 24:00)',
  },
  {
    re: /^end (\S+) is not after start (\S+)$/,
    zh: '的结束时刻 {1} 不晚于开始时刻 {2}',
    en: 'ends at {1}, not after its start {2}',
  },
  {
    re: /^overlaps \S+\[\d+\] \((.*)\)$/,
    zh: '与时间段 {1} 重叠',
    en: 'overlaps the range {1}',
  },
  {
    re: /^ranges must be in time order$/,
    zh: '的时间段必须按先后排列',
    en: 'must list ranges in time order',
  },
  {
    re: /^must be a list of YYYY-MM-DD dates$/,
    zh: '必须是日期列表（YYYY-MM-DD）',
    en: 'must be a list of YYYY-MM-DD dates',
  },
  {
    re: /^bad date "(.*)" \(YYYY-MM-DD\)$/,
    zh: '中的日期“{1}”格式不正确（YYYY-MM-DD）',
    en: 'has a bad date "{1}" (YYYY-MM-DD)',
  },
  {
    re: /^duplicate of \S+\[\d+\]$/,
    zh: '与前面的日期重复',
    en: 'repeats an earlier date',
  },
  { re: /^unknown time zone "(.*)"$/, zh: '“{1}”无法识别', en: '"{1}" is not known' },
  {
    re: /^(\S+) is also ([\w.]+)\[\d+\]$/,
    zh: '中的 {1} 同时出现在{label:2}中',
    en: 'has {1}, which is also in {label:2}',
  },

  // Questionnaires and answer sheets (survey-rules.ts, visit-questions.ts).
  { re: /^needs at least one question$/, zh: '至少需要一道', en: 'needs at least one question' },
  { re: /^needs at least (\d+) options$/, zh: '至少需要 {1} 个', en: 'needs at least {1} options' },
  { re: /^has the same option twice$/, zh: '有重复', en: 'has the same option twice' },
  { re: /^has an empty option$/, zh: '中有空白项', en: 'has an empty option' },
  { re: /^is only for choice questions$/, zh: '仅适用于选择题', en: 'is only for choice questions' },
  {
    re: /^only one nps question per survey$/,
    zh: '不允许：每份问卷只能有一道推荐度（NPS）题',
    en: 'is not allowed: only one NPS question per survey',
  },
  {
    re: /^is not a question of this survey$/,
    zh: '不是本问卷的题目',
    en: 'is not a question of this survey',
  },
  { re: /^is not one of the options$/, zh: '不是可选的答案', en: 'is not one of the options' },
  { re: /^must be text$/, zh: '必须是文本', en: 'must be text' },
  {
    re: /^cannot add or remove questions once invitations are sent$/,
    zh: '在发出调查邀请后不能再增删',
    en: 'cannot be added or removed once invitations are sent',
  },
  {
    re: /^cannot change code or type once invitations are sent$/,
    zh: '的编码和题型在发出调查邀请后不能再修改',
    en: 'cannot change code or type once invitations are sent',
  },
  {
    re: /^cannot change once invitations are sent$/,
    zh: '在发出调查邀请后不能再修改',
    en: 'cannot change once invitations are sent',
  },
  { re: /^is not a visit question$/, zh: '不是回访题目', en: 'is not a visit question' },
  {
    re: /^must be null for this question$/,
    zh: '必须为空（本题不评分）',
    en: 'must be empty for this question',
  },
  { re: /^needs at least one score$/, zh: '至少需要一项评分', en: 'needs at least one score' },

  // The returns eligibility rule's input check (domain/returns/return-validate.ts, messageEn).
  { re: /^unknown product category$/, zh: '不是已知的商品类别', en: 'is not a known product category' },
  { re: /^unknown remedy$/, zh: '不是已知的处理方式', en: 'is not a known remedy' },
  { re: /^unknown major component$/, zh: '不是已知的重要零部件', en: 'is not a known major component' },
  { re: /^unknown time zone$/, zh: '无法识别', en: 'is not a known time zone' },
  {
    re: /^must be a real date YYYY-MM-DD$/,
    zh: '必须是有效日期（YYYY-MM-DD）',
    en: 'must be a real date (YYYY-MM-DD)',
  },
  { re: /^must be a valid instant$/, zh: '必须是有效时间', en: 'must be a valid time' },
  { re: /^must not be before (\w+)$/, zh: '不能早于{label:1}', en: 'must not be before {label:1}' },
  {
    re: /^must not be before the day the goods were received \(or bought\)$/,
    zh: '不能早于签收日（或购买日）',
    en: 'must not be before the day the goods were received (or bought)',
  },

  // Spreadsheet imports (cells.ts, importers.ts, imports-service.ts).
  { re: /^is longer than (\d+) characters$/, zh: '不能超过 {1} 个字符', en: 'is longer than {1} characters' },
  { re: /^is not a number$/, zh: '不是数字', en: 'is not a number' },
  { re: /^must be a whole number$/, zh: '必须是整数', en: 'must be a whole number' },
  { re: /^must be at least (-?[\d.]+)$/, zh: '不能小于 {1}', en: 'must be at least {1}' },
  { re: /^must be at most (-?[\d.]+)$/, zh: '不能大于 {1}', en: 'must be at most {1}' },
  { re: /^is not a date \(YYYY-MM-DD\)$/, zh: '不是日期（YYYY-MM-DD）', en: 'is not a date (YYYY-MM-DD)' },
  { re: /^is not a valid date$/, zh: '不是有效的日期', en: 'is not a valid date' },
  { re: /^must be one of (.+)$/, zh: '必须是以下之一：{1}', en: 'must be one of {1}' },
  {
    re: /^has characters a serial number cannot have$/,
    zh: '含有出厂编号不能使用的字符',
    en: 'has characters a serial number cannot have',
  },
  { re: /^"(.*)" does not exist$/, zh: '“{1}”不存在', en: '"{1}" does not exist' },
  {
    re: /^(\d+) row\(s\) in rows (\d+)–(\d+) were registered by someone else meanwhile$/,
    zh: '冲突：第 {2}–{3} 行中有 {1} 行在导入期间已被他人登记',
    en: 'conflicts: {1} row(s) in rows {2}–{3} were registered by someone else meanwhile',
  },
  // Returns (三包退换货) and the repair and maintenance asset events.
  { re: /^is required for a repair$/, zh: '登记维修时必须填写', en: 'is required for a repair' },
  { re: /^is required for a maintenance$/, zh: '登记保养时必须填写', en: 'is required for a maintenance' },
  { re: /^is before the request$/, zh: '不能早于申请时间', en: 'is before the request' },
  { re: /^is before the decision$/, zh: '不能早于审核时间', en: 'is before the decision' },
  {
    re: /^is before the receipt of the goods$/,
    zh: '不能早于收货时间',
    en: 'is before the receipt of the goods',
  },
  {
    re: /^is required when the request is rejected$/,
    zh: '拒绝申请时必须说明原因',
    en: 'is required when the request is rejected',
  },
  {
    re: /^is required when the request is approved$/,
    zh: '同意申请时必须选择处理方式',
    en: 'is required when the request is approved',
  },
  {
    re: /^is not one of the remedies the 三包 rules allow$/,
    zh: '不在三包规定允许的处理方式之内',
    en: 'is not one of the remedies the 三包 rules allow',
  },
  {
    re: /^cannot be true when the completeness checklist has gaps$/,
    zh: '商品不完整（包装、配件、说明书、保修卡、发票），不能判为合格',
    en: 'cannot be true when the completeness checklist has gaps',
  },
  {
    re: /^is required when the inspection fails$/,
    zh: '质检不合格时必须说明原因',
    en: 'is required when the inspection fails',
  },
  { re: /^is required for a refund$/, zh: '退款时必须填写', en: 'is required for a refund' },
  { re: /^is more than the invoice amount$/, zh: '不能超过发票金额', en: 'is more than the invoice amount' },
  { re: /^applies to equipment only$/, zh: '只适用于设备类商品', en: 'applies to equipment only' },
  { re: /^is not a return request$/, zh: '不是退换货服务请求', en: 'is not a return request' },
  { re: /^unknown product category$/, zh: '未知的商品类别', en: 'unknown product category' },
  { re: /^unknown remedy$/, zh: '未知的处理方式', en: 'unknown remedy' },
  { re: /^unknown major component$/, zh: '未知的重要零部件', en: 'unknown major component' },
  { re: /^unknown time zone$/, zh: '未知的时区', en: 'unknown time zone' },
  {
    re: /^must be a real date YYYY-MM-DD$/,
    zh: '须为有效日期 YYYY-MM-DD',
    en: 'must be a real date YYYY-MM-DD',
  },
  { re: /^must be a valid instant$/, zh: '须为有效时间', en: 'must be a valid instant' },
  {
    re: /^must not be before purchasedAt$/,
    zh: '不能早于购买日期',
    en: 'must not be before the purchase date',
  },
  {
    re: /^must not be before the day the goods were received \(or bought\)$/,
    zh: '不能早于签收日（或购买日）',
    en: 'must not be before the day the goods were received (or bought)',
  },
  {
    re: /^must not be before warrantyStart$/,
    zh: '不能早于保修开始日期',
    en: 'must not be before the warranty start date',
  },
];
