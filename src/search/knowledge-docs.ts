/** Turns knowledge (FAQ topics; devices come with the device issue) into search documents. */
import type { Topic } from '../knowledge/index.js';
import type { SearchDoc } from './types.js';

export function topicDoc(topic: Topic): SearchDoc<Topic> {
  return {
    id: topic.id,
    kind: 'faq',
    title: topic.title,
    aliases: topic.aliases,
    tags: topic.tags,
    body: topic.body,
    payload: topic,
  };
}
