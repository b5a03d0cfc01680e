/** Reads knowledge/faq/*.md: YAML front matter validated by zod, Markdown answer body. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import matter from 'gray-matter';
import { parseYaml, stringifyYaml } from './yaml.js';
import { TopicBody, TopicFrontMatter, type Topic } from './faq-schema.js';
import { issuesToProblems, type KnowledgeProblem } from './problems.js';

const yamlEngine = {
  parse: (text: string) => (parseYaml(text) ?? {}) as object,
  stringify: (value: unknown) => stringifyYaml(value),
};

export function parseTopic(text: string, file: string): { topic?: Topic; problems: KnowledgeProblem[] } {
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines: { yaml: yamlEngine }, language: 'yaml' });
  } catch (err) {
    return { problems: [{ file, field: 'front matter', message: `is not valid YAML: ${firstLine(err)}` }] };
  }
  if (!text.trimStart().startsWith('---')) {
    return {
      problems: [
        {
          file,
          field: 'front matter',
          message: 'missing: the file must start with a "---" block holding id, title, aliases, tags, related',
        },
      ],
    };
  }
  const problems: KnowledgeProblem[] = [];
  const front = TopicFrontMatter.safeParse(parsed.data);
  if (!front.success) problems.push(...issuesToProblems(file, front.error.issues));
  const body = TopicBody.safeParse(parsed.content);
  if (!body.success) problems.push(...issuesToProblems(file, body.error.issues, 'answer'));
  if (!front.success || !body.success) return { problems };
  return { topic: { ...front.data, body: body.data, file }, problems };
}

export function loadTopics(root: string): { topics: Topic[]; problems: KnowledgeProblem[] } {
  const dir = join(root, 'faq');
  const topics: Topic[] = [];
  const problems: KnowledgeProblem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.md'))
      .sort();
  } catch {
    return {
      topics,
      problems: [{ file: relative(process.cwd(), dir) || dir, field: '', message: 'folder not found' }],
    };
  }
  for (const name of names) {
    const file = relative(root, join(dir, name));
    const result = parseTopic(readFileSync(join(dir, name), 'utf8'), `knowledge/${file}`);
    problems.push(...result.problems);
    if (!result.topic) continue;
    if (result.topic.id !== basename(name, '.md')) {
      problems.push({
        file: result.topic.file,
        field: 'id',
        message: `"${result.topic.id}" must match the file name (${basename(name, '.md')})`,
      });
    }
    topics.push(result.topic);
  }
  return { topics, problems };
}

function firstLine(err: unknown): string {
  return String(err instanceof Error ? err.message : err).split('\n')[0] ?? 'unknown error';
}
