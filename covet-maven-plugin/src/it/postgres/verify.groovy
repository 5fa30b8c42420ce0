phase = 'verify'
return evaluate(new File(itSources, 'server.groovy'))
