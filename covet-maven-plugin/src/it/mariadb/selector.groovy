phase = 'select'
return evaluate(new File(itSources, 'server.groovy'))
