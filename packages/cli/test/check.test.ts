import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, root, tempFile } from './run.ts';

const t2023 = readFileSync(join(root, 'rules/甘肃/2023/部门整体支出.jx'), 'utf8');
const lineOf = (src: string, needle: string) => src.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('jixiao check', () => {
  it('accepts both official templates with a one-line summary', () => {
    for (const f of ['rules/甘肃/2023/部门整体支出.jx', 'rules/全国/2020/项目支出.jx']) {
      const r = jixiao(['check', f]);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toContain('bounds proven');
    }
    const r = jixiao(['check', 'rules/甘肃/2023/部门整体支出.jx']);
    expect(r.stdout).toContain('10 + 20 + 50 + 10 + 10 = 100');
  });

  it('rejects a garbage line at that line', () => {
    const lines = t2023.split('\n');
    const src = [...lines.slice(0, 40), '随便 写 的 一行 ))', ...lines.slice(40)].join('\n');
    const f = tempFile('garbage.jx', src);
    const r = jixiao(['check', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:41:1:`);
  });

  it('rejects a removed closing brace, pointing at the end and the open brace', () => {
    const src = t2023.trimEnd().replace(/\}$/, '');
    const f = tempFile('nobrace.jx', src);
    const r = jixiao(['check', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${f}:${src.split('\n').length}:\\d+:`));
    expect(r.stderr).toContain('第 7 行');
  });

  it('rejects a deleted cap', () => {
    const src = t2023.replace('一级指标 履职效果 分值 50 分', '一级指标 履职效果 分值 分');
    const f = tempFile('nocap.jx', src);
    const r = jixiao(['check', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:${lineOf(src, '履职效果 分值 分')}:`);
  });

  it('rejects a section removed so that caps no longer sum to the total, quoting both', () => {
    const src = t2023.replace('  一级指标 能力建设 分值 10 分 { 单位填报 }\n', '');
    const f = tempFile('caps.jx', src);
    const r = jixiao(['check', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('90');
    expect(r.stderr).toContain('100');
  });

  it('rejects a formula that can exceed its weight, naming the expression and interval', () => {
    // 正向 without its clamp: 否则 权重 * 实际 / 目标
    const src = t2023.replace('否则 权重 * min(实际 / 目标, 1)', '否则 权重 * 实际 / 目标');
    const f = tempFile('unbounded.jx', src);
    const r = jixiao(['check', f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${f}:${lineOf(src, '否则 权重 * 实际 / 目标')}:`);
    expect(r.stderr).toContain('权重 * 实际 / 目标');
    expect(r.stderr).toContain('∞');
  });

  it('speaks English on request', () => {
    const src = t2023.replace('否则 权重 * min(实际 / 目标, 1)', '否则 权重 * 实际 / 目标');
    const r = jixiao(['check', tempFile('u.jx', src), '--lang', 'en']);
    expect(r.stderr).toContain('error');
  });

  it('gives a clear message, not a stack trace, for a missing file', () => {
    const r = jixiao(['check', 'no/such/file.jx']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到文件');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('has --help on every command', () => {
    for (const cmd of ['check', 'fmt']) {
      const r = jixiao([cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Usage');
    }
  });
});

describe('jixiao check --timings and --dump', () => {
  it('times each named stage', () => {
    const r = jixiao(['check', 'rules/甘肃/2023/部门整体支出.jx', '--timings']);
    expect(r.status).toBe(0);
    for (const stage of ['解析', '继承', '检查与证明', '代码生成', '合计']) expect(r.stdout).toContain(stage);
  });

  it('dumps the proofs and the generated code, and refuses an unknown stage', () => {
    const proofs = jixiao(['check', 'rules/甘肃/2023/部门整体支出.jx', '--dump', 'proofs']);
    expect(proofs.stdout).toContain('"formula": "得分 = 如果 实际 >= 目标 则 权重 否则 权重 * min(实际 / 目标, 1)"');
    expect(proofs.stdout).toContain('"interval": "[0, 1]×权重"');
    const js = jixiao(['check', 'rules/甘肃/2023/部门整体支出.jx', '--dump', 'js']);
    expect(js.stdout).toContain('"use strict"');
    // names live in the constant table, never in the code
    expect(js.stdout).not.toContain('部门管理');
    const nope = jixiao(['check', 'rules/甘肃/2023/部门整体支出.jx', '--dump', 'nope']);
    expect(nope.status).toBe(2);
    expect(nope.stderr).toContain('未知的阶段 “nope”：可选 ast、checked、proofs、js [JX4001]');
  });
});
