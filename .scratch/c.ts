import { compact, normalize } from '../src/text/normalize.js';
console.log(compact('lightning to 3.5mm'), '|', normalize('apple lightning to 3.5mm adapter'), '|', compact('apple lightning to 3.5mm adapter'));
