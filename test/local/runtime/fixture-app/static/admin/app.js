/* global document */
document.getElementById('root').textContent = 'fixture';
