import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_KNOWLEDGE_DIR,
  KnowledgeError,
  loadKnowledge,
  loadKnowledgeWithProblems,
} from '../../src/knowledge/index.js';
import { parseTopic } from '../../src/knowledge/load-faq.js';
import { parseDeviceFile } from '../../src/knowledge/load-devices.js';

const dirs: string[] = [];
function copyOfKnowledge(): string {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-knowledge-'));
  dirs.push(dir);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the real knowledge files', () => {
  it('load without a single problem', () => {
    const { problems, topics } = loadKnowledgeWithProblems();
    expect(problems).toEqual([]);
    expect(topics.length).toBeGreaterThanOrEqual(50);
  });
});

describe('a broken knowledge file', () => {
  it('names the file, the field and the reason for every problem at once', () => {
    const dir = copyOfKnowledge();
    const file = join(dir, 'faq', 'headset-vs-headphones.md');
    const text = readFileSync(file, 'utf8')
      .replace(/^id: .*$/m, 'id: Headset vs Headphones')
      .replace(/^title: .*$/m, 'title: ""');
    writeFileSync(file, text);
    const { problems } = loadKnowledgeWithProblems(dir);
    const mine = problems.filter((p) => p.file === 'knowledge/faq/headset-vs-headphones.md');
    expect(mine.map((p) => p.field).sort()).toEqual(['id', 'title']);
    expect(mine.find((p) => p.field === 'id')?.message).toMatch(/kebab-case/);
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
    try {
      loadKnowledge(dir);
    } catch (err) {
      expect((err as Error).message).toContain('knowledge/faq/headset-vs-headphones.md › title');
      expect((err as Error).message).not.toMatch(/at .*\.ts:\d+/); // no stack trace in the message
    }
  });

  it('reports invalid YAML with the file name instead of crashing', () => {
    const { problems } = parseTopic('---\nid: x\ntitle: [unclosed\n---\nBody', 'knowledge/faq/x.md');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'knowledge/faq/x.md', field: 'front matter' });
    expect(problems[0]!.message).toMatch(/not valid YAML/);
  });

  it('rejects an empty answer and an answer longer than one embed', () => {
    const front = '---\nid: some-topic\ntitle: A question?\n---\n';
    expect(parseTopic(`${front}   \n`, 'f.md').problems[0]).toMatchObject({
      field: 'answer',
      message: 'the answer is empty',
    });
    expect(parseTopic(`${front}${'x'.repeat(4097)}`, 'f.md').problems[0]?.message).toMatch(/4096/);
  });

  it("rejects one surface's syntax in an answer, and unknown {command} placeholders", () => {
    const front = '---\nid: some-topic\ntitle: A question?\n---\n';
    expect(parseTopic(`${front}Check it with \`/match\`.`, 'f.md').problems[0]?.message).toMatch(
      /write a command as \{match\}/,
    );
    expect(parseTopic(`${front}Check it with {matc}.`, 'f.md').problems[0]?.message).toMatch(
      /must be one of \{match\}/,
    );
    expect(parseTopic(`${front}Check it with {match}.`, 'f.md').problems).toEqual([]);
  });

  it('rejects a file without front matter', () => {
    expect(parseTopic('Just a body', 'f.md').problems[0]?.message).toMatch(/must start with a "---" block/);
  });

  it('catches duplicate aliases across topics, unknown related ids and id/file-name mismatches', () => {
    const dir = copyOfKnowledge();
    const a = join(dir, 'faq', 'dac-vs-amp.md');
    writeFileSync(
      a,
      readFileSync(a, 'utf8')
        .replace(/^aliases:\n/m, 'aliases:\n  - are headphones input or output\n')
        .replace(/^related: .*$/m, 'related: [no-such-topic]'),
    );
    const b = join(dir, 'faq', 'do-i-need-a-dac.md');
    writeFileSync(b, readFileSync(b, 'utf8').replace(/^id: .*$/m, 'id: do-i-need-a-dac-2'));
    const { problems } = loadKnowledgeWithProblems(dir);
    const text = problems.map((p) => `${p.file} ${p.field} ${p.message}`).join('\n');
    expect(text).toMatch(
      /aliases\[0\] "are headphones input or output" is also aliases\[0\] of (dac-vs-amp|headphones-input-or-output)/,
    );
    expect(text).toMatch(/dac-vs-amp\.md related\[0\] no topic has the id "no-such-topic"/);
    expect(text).toMatch(/do-i-need-a-dac\.md id "do-i-need-a-dac-2" must match the file name/);
  });
});

describe('device files', () => {
  it('report a figure without a source URL and a bad unit, with the device and field', () => {
    const yaml = `devices:
  - id: test-phones
    type: headphone
    brand: Test
    model: Phones
    form: over-ear
    driver: dynamic
    impedance:
      - { ohms: 32, basis: manufacturer }
    sensitivity:
      - { db: 100, per: mV, url: "https://example.com/spec", basis: manufacturer }
`;
    const { devices, problems } = parseDeviceFile(yaml, 'knowledge/devices/headphones/test.yaml', 'headphone');
    expect(devices).toEqual([]);
    const fields = problems.map((p) => p.field);
    expect(fields).toContain('devices[0] (test-phones).impedance[0].url');
    expect(fields).toContain('devices[0] (test-phones).sensitivity[0].per');
  });

  it('rejects figures out of range', () => {
    const yaml = `devices:
  - id: test-phones
    type: headphone
    brand: Test
    model: Phones
    form: iem
    driver: dynamic
    impedance: [{ ohms: 0, url: "https://example.com/a", basis: measurement }]
    sensitivity: [{ db: 160, per: V, url: "https://example.com/a", basis: measurement }]
`;
    const { problems } = parseDeviceFile(yaml, 'x.yaml');
    expect(problems.map((p) => p.message).join(' ')).toMatch(
      /impedance \(Ω\) must be at least 1.*sensitivity \(dB SPL\) must be at most 140/,
    );
  });
});
