// Placeholder: the command-line program.
console.log('loadscope');
