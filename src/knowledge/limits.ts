/**
 * Discord's size limits that knowledge must respect
 * (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
 */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  total: 6000,
  fields: 25,
  /** Autocomplete choice names and values. */
  choiceName: 100,
  choices: 25,
  messageContent: 2000,
} as const;
