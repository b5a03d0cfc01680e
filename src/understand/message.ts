/**
 * Reads a message once: the figures in it, the devices it names (and names that point at a variant the catalogue
 * does not have), the kind of source it mentions, and what it asks for.
 */
import type { DeviceFinder } from '../search/device-finder.js';
import { deviceName } from '../search/device-docs.js';
import { guessLanguage } from '../text/language.js';
import { findMentions, type DeviceMention, type NearMention } from './device-mentions.js';
import { extractEntities, sourceSpecFrom, type Entities } from './entities.js';
import { classifyIntent, sourceClassIn, type Intent } from './intent.js';

export interface Understanding {
  entities: Entities;
  mentions: { id: string; name: string; type: string; text: string; assumedVariant: boolean }[];
  sourceClass: string | null;
  intent: Intent;
}

export interface ReadMessage {
  understanding: Understanding;
  /** The first headphone and the first source named (in message order), and every headphone named. */
  headphone?: DeviceMention;
  source?: DeviceMention;
  headphones: DeviceMention[];
  near: NearMention[];
}

export function understand(text: string, finder: DeviceFinder): ReadMessage {
  const entities = extractEntities(text);
  const { mentions, near } = findMentions(text, finder);
  const headphones = mentions.filter((m) => m.device.type === 'headphone');
  const sources = mentions.filter((m) => m.device.type === 'source');
  const sourceClass = sourceClassIn(text);
  const intent = classifyIntent({
    text,
    headphones: headphones.length,
    sources: sources.length,
    mentionTexts: mentions.map((m) => m.text),
    impedances: entities.impedancesOhm.length,
    sensitivities: entities.sensitivities.length,
    sourceFigures: sourceSpecFrom(entities) !== null,
    sourceClass: sourceClass !== undefined,
    foreign: guessLanguage(text) !== 'en',
  });
  return {
    understanding: {
      entities,
      mentions: mentions.map((m) => ({
        id: m.device.id,
        name: deviceName(m.device),
        type: m.device.type,
        text: m.text,
        assumedVariant: m.assumedVariant,
      })),
      sourceClass: sourceClass?.id ?? null,
      intent,
    },
    headphone: headphones[0],
    source: sources[0],
    headphones,
    near,
  };
}
