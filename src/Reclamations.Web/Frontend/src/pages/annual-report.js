// The printable annual synthesis (/rapports/synthese-annuelle): its print button and print styles.
import './annual-report.css';

for (const button of document.querySelectorAll('[data-print]')) {
  button.addEventListener('click', () => window.print());
}
