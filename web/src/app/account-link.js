// "Mon compte": a map control at the top right, leading to the account page (which sends to the
// sign-in page when no one is signed in). A module of its own, so the map's code does not change;
// it waits for Leaflet's control corners, which main.js creates. Not on /embed, a partner's frame.

function addLink(corner) {
  const control = document.createElement('div');
  control.className = 'leaflet-control account-control';
  const link = document.createElement('a');
  link.className = 'account-link';
  link.href = 'compte.html';
  link.textContent = 'Mon compte';
  control.append(link);
  corner.append(control);
}

if (!location.pathname.endsWith('/embed')) {
  const find = () => document.querySelector('#map .leaflet-top.leaflet-right');
  const corner = find();
  if (corner) {
    addLink(corner);
  } else {
    const observer = new MutationObserver(() => {
      const found = find();
      if (found) {
        observer.disconnect();
        addLink(found);
      }
    });
    observer.observe(document.getElementById('map'), { childList: true, subtree: true });
  }
}
