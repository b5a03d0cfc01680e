/**
 * YAML for the knowledge files: js-yaml with the YAML 1.2 core schema (no timestamps, no YAML 1.1 "yes"/"no"
 * booleans — what a person writes in a pull request stays a string). js-yaml parses the catalogue ~2.5× faster than
 * the `yaml` package, which is most of start-up.
 */
import { CORE_SCHEMA, dump, load } from 'js-yaml';

export function parseYaml(text: string): unknown {
  return load(text, { schema: CORE_SCHEMA });
}

export function stringifyYaml(value: unknown): string {
  return dump(value, { schema: CORE_SCHEMA });
}
