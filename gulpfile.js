const { src, dest, task } = require('gulp');

// Icons live next to the code that references them (`file:fluentCrm.svg`); tsc does not copy them.
task('build:icons', () =>
	src(['nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'], { base: '.', encoding: false }).pipe(dest('dist')),
);
