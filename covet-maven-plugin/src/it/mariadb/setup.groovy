phase = 'setup'
return evaluate(new File(itSources, 'server.groovy'))
