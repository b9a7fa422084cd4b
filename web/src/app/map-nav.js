// The map page's links to the write side (propose, my contributions, moderation, sign in). A
// partner's /embed shows none: its visitors contribute on the full map.

import { fillNav } from './site-nav.js';

if (!/\/embed$/.test(location.pathname)) fillNav(document.getElementById('site-nav'), null, { accountLink: false });
else document.getElementById('site-nav').remove();
