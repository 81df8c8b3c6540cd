// The map on the place step of the melding form (progressive enhancement): without JavaScript
// the section stays hidden and the resident gives an address. With it, a click or tap puts a
// pin and fills the hidden lat/lon fields of the form; the server checks the point. No inline
// script (CSP); the tile URL comes from the page (data-tegels).
/* global L */
(function () {
  'use strict';
  var blok = document.querySelector('[data-kaart-blok]');
  var element = document.getElementById('kaart');
  if (!blok || !element || typeof L === 'undefined') return;
  blok.hidden = false;
  var lat = document.querySelector('[data-kaart-lat]');
  var lon = document.querySelector('[data-kaart-lon]');
  var knop = document.querySelector('[data-kaart-knop]');
  var begin = element.dataset.lat && element.dataset.lon ? [Number(element.dataset.lat), Number(element.dataset.lon)] : null;
  L.Icon.Default.imagePath = '/static/leaflet/images/';
  var kaart = L.map(element, { center: begin || [52.3, 4.9], zoom: begin ? 17 : 13, keyboard: true });
  L.tileLayer(element.dataset.tegels, { maxZoom: 19, attribution: 'Kaartgegevens &copy; Kadaster' }).addTo(kaart);
  var pin = null;
  function zet(punt) {
    if (pin) pin.setLatLng(punt);
    else pin = L.marker(punt, { keyboard: false }).addTo(kaart);
    lat.value = punt.lat.toFixed(7);
    lon.value = punt.lng.toFixed(7);
    knop.disabled = false;
  }
  if (begin) zet(L.latLng(begin[0], begin[1]));
  kaart.on('click', function (e) {
    zet(e.latlng);
  });
  // The gemeente's own area: centre the map on it when no point is known yet.
  if (!begin && element.dataset.midden) {
    var m = element.dataset.midden.split(',');
    kaart.setView([Number(m[0]), Number(m[1])], 14);
  }
})();
