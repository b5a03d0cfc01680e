/** What answer builders need from the brain: the device finder, the topics, and the device classes for estimates. */
import type { Topic } from '../knowledge/index.js';
import type { DeviceFinder } from '../search/device-finder.js';
import type { DeviceClasses } from './classes.js';

export interface AnswerContext {
  finder: DeviceFinder;
  topics: ReadonlyMap<string, Topic>;
  classes: DeviceClasses;
}
