// The workspace server's codes (JX5xxx) in docs/errors.md: each example is a request to a
// workspace seeded from rules/ (test/docs/server-doc.ts), answered by the real API.
import { SERVER_CATALOGUE } from '../../../packages/server/src/codes.ts';
import { cleanFiling } from '../../../test/support/filings.ts';
import type { Example, Family } from '../family.ts';

const examples: Record<string, Example> = {
  JX5000: {
    trigger: {
      kind: 'note',
      note: {
        zh: '`服务器内部错误：<原因>`——jixiao 自身的缺陷，不是请求的问题；服务器在标准错误输出中记下详情。',
        en: '`internal server error: <cause>` — a defect in jixiao itself, not in the request; the server logs the details on standard error.',
      },
    },
    fix: { zh: '把请求和服务器日志一起报告给维护者。', en: 'Report the request with the server log to the maintainers.' },
  },
  JX5001: {
    trigger: { kind: 'server', request: 'GET /api/templates   # 已配置用户，请求中没有令牌', run: async (ws) => ws.guarded('GET', '/api/templates') },
    fix: {
      zh: '先 `POST /api/login`，在请求头 `Authorization: Bearer <令牌>` 中带上令牌（演练场会自动登录）。',
      en: 'Sign in with `POST /api/login` and send `Authorization: Bearer <token>` (the playground does it for you).',
    },
  },
  JX5002: {
    trigger: {
      kind: 'server',
      request: 'POST /api/versions/1/publish   # 以 只读 用户的身份',
      run: async (ws) => ws.guarded('POST', '/api/versions/1/publish', {}, await ws.token('张只读')),
    },
    fix: {
      zh: '请有相应角色的同事操作，或请管理员用 `jixiao user add <用户名> --role <角色>` 调整角色：编辑 起草和发布模板，审核 上传、评分和审核。',
      en: 'Ask a colleague with the role, or have an administrator change the role with `jixiao user add <name> --role <role>`: 编辑 drafts and publishes templates, 审核 uploads, runs and reviews.',
    },
  },
  JX5003: {
    trigger: {
      kind: 'server',
      request: 'POST /api/login  {"name": "王编辑", "password": "错误的密码"}',
      run: async (ws) => ws.guarded('POST', '/api/login', { name: '王编辑', password: '错误的密码' }),
    },
    fix: { zh: '检查用户名和密码；忘记密码时请管理员用 `jixiao user add` 重设。', en: 'Check the name and password; an administrator resets a password with `jixiao user add`.' },
  },
  JX5004: {
    trigger: { kind: 'server', request: 'POST /api/score  {"filing": 1}', run: async (ws) => ws.open('POST', '/api/score', { filing: 1 }) },
    fix: {
      zh: '按 `GET /api/openapi.json` 中的格式改正请求；`error.issues` 列出每个有问题的字段。',
      en: 'Follow the shapes in `GET /api/openapi.json`; `error.issues` lists each field in question.',
    },
  },
  JX5005: {
    trigger: { kind: 'server', request: 'GET /api/runs/999', run: async (ws) => ws.open('GET', '/api/runs/999') },
    fix: { zh: '检查编号（`GET /api/runs`、`GET /api/templates` 列出现有的对象）。', en: 'Check the id (`GET /api/runs`, `GET /api/templates` list what exists).' },
  },
  JX5006: {
    trigger: { kind: 'server', request: 'POST /api/templates/1/versions  {"source": …, "baseVersion": 1}   # 他人已在第 1 版上保存了第 2 版', run: async (ws) => ws.conflict() },
    fix: {
      zh: '查看答复中的 `diff`（规则改动）和 `textDiff`（文本改动），打开最新版本，在它上面重新修改后保存。',
      en: 'Read `diff` (rule changes) and `textDiff` (text changes) in the answer, open the newest version and redo your change on it.',
    },
  },
  JX5007: {
    trigger: { kind: 'server', request: 'POST /api/versions/1/publish   # 第 1 版已发布', run: async (ws) => ws.open('POST', '/api/versions/1/publish', {}) },
    fix: { zh: '保存一个新版本（草稿）再发布；已发布的版本永远不变。', en: 'Save a new version (a draft) and publish that; a published version never changes.' },
  },
  JX5008: {
    trigger: {
      kind: 'server',
      request: 'POST /api/versions/<草稿>/publish   # 草稿中 “实际” 写成了 “实绩”',
      run: async (ws) => ws.publishDraft((t) => t.replace('min(实际 / 目标, 1)', 'min(实绩 / 目标, 1)')),
    },
    fix: {
      zh: '在演练场中按标记改正模板中的错误（`error.diagnostics` 列出全部），保存后再发布。',
      en: 'Fix the errors the playground marks (`error.diagnostics` lists them all), save, and publish again.',
    },
  },
  JX5009: {
    trigger: {
      kind: 'server',
      request: 'POST /api/versions/<草稿>/publish   # 草稿把 “优” 的下限改为 99.99，规则测试期望的等级不再成立',
      run: async (ws) => ws.publishDraft((t) => t.replace('优 >= 90 分', '优 >= 99.99 分')),
    },
    fix: {
      zh: '查看 `error.tests` 中未通过的用例：规则改错了就改规则；规则有意改变时，更新 `rules/<地区>/<年度>/tests/` 中的用例（`PUT /api/rule-file`），使覆盖率达到下限。',
      en: 'Read the failing cases in `error.tests`: fix the rules if they are wrong; if the change is meant, update the cases in `rules/<region>/<year>/tests/` (`PUT /api/rule-file`) up to the coverage threshold.',
    },
  },
  JX5010: {
    trigger: { kind: 'server', request: 'POST /api/filings   # 请求体超过上限（示例中的上限为 1 MB）', run: async (ws) => ws.upload({ 'big.tsv': 'x'.repeat(1_100_000) }) },
    fix: { zh: '分批上传，或请管理员调高上限。', en: 'Upload in parts, or have an administrator raise the limit.' },
  },
  JX5011: {
    trigger: {
      kind: 'server',
      request: 'POST /api/filings   # 一次 4 个文件（示例中的上限为 3）',
      run: async (ws) => ws.upload({ '1.json': '{}', '2.json': '{}', '3.json': '{}', '4.json': '{}' }),
    },
    fix: { zh: '分批上传。', en: 'Upload in parts.' },
  },
  JX5012: {
    trigger: {
      kind: 'server',
      request: 'POST /api/filings   # 一份 200 KB 的填报表（示例中每份的上限为 100 KB）',
      run: async (ws) => ws.uploadFile({ '填报.tsv': 'x'.repeat(200_000) }),
    },
    fix: {
      zh: '检查文件是否真是一份自评表（常见：整本工作簿、附带的图片）；只上传自评表那一页。',
      en: 'Check that the file is one self-evaluation table (often: a whole workbook, embedded pictures); upload only the table.',
    },
  },
  JX5013: {
    trigger: {
      kind: 'server',
      request: 'POST /api/filings   # 表中没有年度，上传时也没有给出',
      run: async (ws) => ws.uploadFile({ '填报.json': JSON.stringify({ ...cleanFiling(), year: undefined }) }, { region: '甘肃' }),
    },
    fix: {
      zh: '上传时给出 region、year、form，或在表中写明地区、标题中写明年度和表单。',
      en: 'Give region, year and form with the upload, or write them into the table (地区, and the year and form in the title).',
    },
  },
  JX5014: {
    trigger: {
      kind: 'server',
      request: 'POST /api/score  {"filing": …, "region": "甘肃", "year": 2019, "form": "部门整体支出"}',
      run: async (ws) => ws.open('POST', '/api/score', { filing: cleanFiling(), region: '甘肃', year: 2019, form: '部门整体支出' }),
    },
    fix: {
      zh: '检查地区、年度和表单；需要的模板先在工作台中新建并发布（`POST /api/templates`）。',
      en: 'Check the jurisdiction, year and form; create and publish the template in the workspace first (`POST /api/templates`).',
    },
  },
  JX5015: {
    trigger: {
      kind: 'server',
      request: 'POST /api/runs  {"region": "四川", "year": 2023, "form": "项目支出"}   # 还没有上传填报表',
      run: async (ws) => ws.open('POST', '/api/runs', { region: '四川', year: 2023, form: '项目支出' }),
    },
    fix: { zh: '先上传该地区该年度的填报表（`POST /api/filings`）。', en: 'Upload the filings of that jurisdiction and year first (`POST /api/filings`).' },
  },
  JX5016: {
    trigger: {
      kind: 'server',
      request: 'POST /api/filings   # 一个损坏的 .zip',
      run: async (ws) => ws.uploadFile({ '填报.zip': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }),
    },
    fix: { zh: '重新压缩后上传，或直接上传其中的填报表。', en: 'Zip the files again, or upload the filings themselves.' },
  },
  JX5017: {
    trigger: {
      kind: 'server',
      request: 'POST /api/templates  {"region": "甘肃", "year": 2023, "form": "部门整体支出"}',
      run: async (ws) => ws.open('POST', '/api/templates', { region: '甘肃', year: 2023, form: '部门整体支出' }),
    },
    fix: {
      zh: '在已有模板上保存新版本（`POST /api/templates/{id}/versions`）；恢复备份时换一个新的数据目录。',
      en: 'Save a new version of the existing template (`POST /api/templates/{id}/versions`); restore a backup into a new data folder.',
    },
  },
  JX5018: {
    trigger: { kind: 'server', request: 'jixiao serve --host 0.0.0.0   # 还没有用户', run: async (ws) => ws.unsafeHost() },
    fix: {
      zh: '先添加用户：`jixiao user add <用户名> --role 编辑`（密码取自 JIXIAO_PASSWORD 或标准输入），再在其他地址上启动；只在本机使用时不加 --host。',
      en: 'Add users first: `jixiao user add <name> --role 编辑` (password from JIXIAO_PASSWORD or standard input), then bind another address; for this machine only, leave out --host.',
    },
  },
};

export const server: Family = {
  id: 'server',
  file: 'tools/errors/examples/server.ts',
  heading: 'JX5000–JX5999 工作台 (workspace server)',
  intro: {
    zh: '`jixiao serve` 的 HTTP API 的错误答复，形如 `{"error": {"code", "status", "message": {"zh", "en"}}}`，附 HTTP 状态码；上传时某个文件的问题在该文件的结果中（`files[i].error`），其余文件照常保存。读取填报表失败时沿用读取问题的代码（IMPnnn）。下面的例子都对一个从 rules/ 导入的工作台发出请求。',
    en: 'Error answers of the HTTP API of `jixiao serve`, shaped `{"error": {"code", "status", "message": {"zh", "en"}}}` with the HTTP status; in an upload, a file\'s problem is in that file\'s result (`files[i].error`) and the other files are stored. A filing that cannot be read keeps the import code (IMPnnn). Each example below sends a request to a workspace seeded from rules/.',
  },
  catalogue: SERVER_CATALOGUE,
  examples,
};
