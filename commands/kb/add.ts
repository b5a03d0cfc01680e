/** /kb add — a question and answer, typed into a form (the modal 'kbadd:' saves it). */
import { entryFromModal, entryModal } from '../../src/discord/entry-modal.js';
import { addEntry, inServer } from './shared.js';
import type { KbSubcommand } from './subcommand.js';

/** The form's custom id prefix; /kb stats' "add this" buttons open the same form. */
export const ADD_MODAL = 'kbadd:';

const add: KbSubcommand = {
  name: 'add',
  description: 'Add a question and answer (opens a form)',
  run: (interaction) => interaction.showModal(entryModal(ADD_MODAL, 'Add a question and answer')),
  modals: {
    [ADD_MODAL]: (interaction, _payload, ctx) =>
      inServer(interaction, (guildId) => addEntry(interaction, entryFromModal(interaction), ctx, guildId)),
  },
};

export default add;
