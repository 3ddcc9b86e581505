import path from 'node:path';
import { componentLoader } from '../component-loader.js';

const file = (name: string) => path.join(import.meta.dirname, 'components', name);

/**
 * The panel's frame, through AdminJS's own override points: the breadcrumb and the menu name the
 * statistics page as the page does, one notice at a time, a search box over every list, cards on
 * a phone. Every resource gets them; a new one has nothing to declare.
 */
componentLoader.override('Breadcrumbs', file('breadcrumbs.tsx'));
componentLoader.override('SidebarResourceSection', file('sidebar-resource-section.tsx'));
componentLoader.override('NoticeBox', file('notice-box.tsx'));
componentLoader.override('DefaultListAction', file('list-with-search.tsx'));
componentLoader.override('RecordInList', file('record-card.tsx'));
